package fr.marelle.gateway.web.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import fr.marelle.gateway.services.audit.AuditClient.AuditEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A timeline as files: CSV (one row per event, the payload as JSON in its last column; cells a spreadsheet would
 * take for a formula are quoted with a leading apostrophe) and JSON (the events as the services gave them).
 */
@Component
class TimelineExport {

    private static final List<String> COLUMNS = List.of("occurredAt", "service", "stream", "sequence", "type",
            "actorRole", "actorId", "clientIp", "familyId", "correlationId", "causationId", "eventId", "payload");
    private static final CsvSchema SCHEMA;

    static {
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(builder::addColumn);
        SCHEMA = builder.build();
    }

    private final CsvMapper csv = new CsvMapper();
    private final ObjectMapper json;

    TimelineExport(ObjectMapper json) {
        this.json = json;
    }

    byte[] csv(List<AuditEvent> events) {
        List<Map<String, String>> rows = events.stream().map(this::row).toList();
        try {
            // a byte order mark, so that spreadsheets read the accents as UTF-8
            return ("\uFEFF" + csv.writer(SCHEMA).writeValueAsString(rows)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] json(List<AuditEvent> events) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> row(AuditEvent event) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("occurredAt", event.occurredAt().toString());
        row.put("service", event.service());
        row.put("stream", cell(event.aggregateId()));
        row.put("sequence", Long.toString(event.sequence()));
        row.put("type", cell(event.type()));
        row.put("actorRole", cell(event.actorRole()));
        row.put("actorId", cell(event.actorId()));
        row.put("clientIp", cell(event.clientIp()));
        row.put("familyId", cell(event.familyId()));
        row.put("correlationId", cell(event.correlationId()));
        row.put("causationId", cell(event.causationId()));
        row.put("eventId", cell(event.eventId()));
        row.put("payload", cell(event.payload() == null ? "" : event.payload().toString()));
        return row;
    }

    /** Text a spreadsheet would run as a formula is prefixed with an apostrophe. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** The timeline's filters as a query string, for its export links. */
    String queryString(AuditConsoleController.HistoryForm form) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        query.queryParam("subject", form.subject);
        form.flow.forEach(flow -> query.queryParam("flow", flow));
        query.queryParam("from", form.from).queryParam("to", form.to).queryParam("kind", form.kind)
                .queryParam("actor", form.actor).queryParam("role", form.role).queryParam("follow", form.follow);
        return query.encode().build().getQuery();
    }
}
