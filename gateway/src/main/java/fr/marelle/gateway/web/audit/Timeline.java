package fr.marelle.gateway.web.audit;

import fr.marelle.gateway.services.audit.AuditClient.AuditEvent;
import fr.marelle.gateway.web.forms.Texts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A timeline as the console shows it: each event with its time in Paris, what happened in words, who did it, and the
 * number of its flow — events of one flow (one booking and the charge, debit and alert it led to) share a number,
 * given in order of first appearance, so the eye follows a flow down the page without relying on colour.
 */
record Timeline(List<Row> rows, int flows, Map<String, Long> byService) {

    record Row(AuditEvent event, String time, String what, String who, int flow, int flowSize) {
    }

    static Timeline of(List<AuditEvent> events, Texts texts) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Map<String, Long> byService = new LinkedHashMap<>();
        for (AuditEvent event : events) {
            if (event.correlationId() != null) {
                numbers.putIfAbsent(event.correlationId(), numbers.size() + 1);
                sizes.merge(event.correlationId(), 1, Integer::sum);
            }
            byService.merge(event.service(), 1L, Long::sum);
        }
        List<Row> rows = new ArrayList<>();
        for (AuditEvent event : events) {
            String flow = event.correlationId();
            rows.add(new Row(event, AuditJson.TIME.format(event.occurredAt()
                    .atZone(AuditConsoleController.PARIS)),
                    what(event, texts), who(event, texts), flow == null ? 0 : numbers.get(flow),
                    flow == null ? 0 : sizes.get(flow)));
        }
        return new Timeline(rows, numbers.size(), byService);
    }

    /** The event's name in words when the console knows it, else its type split into words. */
    static String what(AuditEvent event, Texts texts) {
        String simple = event.type().substring(event.type().lastIndexOf('.') + 1);
        return texts.getOrDefault("audit.event." + simple, simple.replaceAll("(?<=[a-z])(?=[A-Z])", " "));
    }

    static String who(AuditEvent event, Texts texts) {
        String role = event.actorRole() == null ? "SYSTEM" : event.actorRole();
        String label = texts.getOrDefault("audit.role." + role, role);
        return event.actorId() == null ? label : label + " · " + event.actorId();
    }
}
