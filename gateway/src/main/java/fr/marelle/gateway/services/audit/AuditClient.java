package fr.marelle.gateway.services.audit;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.services.ServiceClients;
import fr.marelle.gateway.services.ServiceFanOut;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's side of the audit API every service has ({@code /internal/audit/…}): events across all services,
 * hash-chain verifications, read-model rebuilds, states as of a past instant. Services are asked at once; one that
 * does not answer is named in the result instead of hiding the others.
 */
@Component
public class AuditClient {

    /** How long a page waits for the services' events before showing what it has. */
    private static final Duration EVENTS_WAIT = Duration.ofSeconds(30);
    /** At most this many flows are followed from the events first found. */
    public static final int MAX_FLOWS = 200;

    public record AuditEvent(String service, long globalIndex, String eventId, String aggregateId, long sequence,
                             String type, String revision, Instant occurredAt, String actorId, String actorRole,
                             String familyId, String clientIp, String correlationId, String causationId,
                             JsonNode payload) {
    }

    /**
     * What an auditor looks for: a subject (family, child, wallet, service-day or invoice id) or flows (correlation
     * ids), within a period, of a kind, by an actor; {@code followFlows} adds, in every service, the other events of
     * the flows the subject's events belong to.
     */
    public record EventQuery(String subject, List<String> correlationIds, Instant from, Instant to, String type,
                             String actor, boolean followFlows, int limit) {
        public EventQuery {
            correlationIds = correlationIds == null ? List.of() : List.copyOf(correlationIds);
        }
    }

    /** What the services answered, and which of them did not (with why). */
    public record Gathered<T>(List<T> items, Map<String, String> failures) {
        public boolean complete() {
            return failures.isEmpty();
        }
    }

    public record ChainBreak(String aggregateId, long sequence, String eventId, long globalIndex, String reason) {
    }

    public record ChainReport(String service, long streams, long events, List<ChainBreak> breaks, String headDigest) {
        public boolean intact() {
            return breaks.isEmpty();
        }
    }

    public record ReadModel(String service, String processingGroup, List<String> tables) {
    }

    public record TableDifference(String table, long liveRows, long replayedRows, long onlyLive, long onlyReplayed,
                                  List<String> samples) {
        public boolean identical() {
            return onlyLive == 0 && onlyReplayed == 0;
        }
    }

    public record ReplayResult(String service, String processingGroup, long eventsReplayed,
                               List<TableDifference> tables, Duration took) {
        public boolean identical() {
            return tables.stream().allMatch(TableDifference::identical);
        }
    }

    public record AsOf(String service, String view, String familyId, Instant at, long eventsReplayed,
                       JsonNode state) {
    }

    private static final ParameterizedTypeReference<List<AuditEvent>> EVENTS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<ReadModel>> READ_MODELS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<String>> NAMES = new ParameterizedTypeReference<>() {
    };

    private final ServiceClients services;
    private final ServiceFanOut fanOut;

    public AuditClient(ServiceClients services, ServiceFanOut fanOut) {
        this.services = services;
        this.fanOut = fanOut;
    }

    /** The events found, oldest first, across every service; with {@code followFlows}, their flows' events too. */
    public Gathered<AuditEvent> events(EventQuery query) {
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, AuditEvent> found = new LinkedHashMap<>();
        collect(query.subject(), query.correlationIds(), query, found, failures);
        if (query.followFlows() && query.subject() != null) {
            Set<String> flows = new LinkedHashSet<>();
            found.values().stream().map(AuditEvent::correlationId).filter(id -> id != null && !id.isBlank())
                    .forEach(flows::add);
            List<String> followed = flows.stream().limit(MAX_FLOWS).toList();
            if (!followed.isEmpty()) {
                collect(null, followed, query, found, failures);
            }
        }
        List<AuditEvent> events = new ArrayList<>(found.values());
        events.sort(Comparator.comparing(AuditEvent::occurredAt)
                .thenComparing(e -> ServiceClients.ALL.indexOf(e.service()))
                .thenComparingLong(AuditEvent::globalIndex));
        return new Gathered<>(events.size() > query.limit() ? events.subList(0, query.limit()) : events, failures);
    }

    private void collect(String subject, List<String> correlationIds, EventQuery query, Map<String, AuditEvent> found,
                         Map<String, String> failures) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("subject", subject);
        parameters.put("correlationId", correlationIds);
        parameters.put("from", query.from());
        parameters.put("to", query.to());
        parameters.put("type", query.type());
        parameters.put("actor", query.actor());
        parameters.put("limit", query.limit());
        for (ServiceFanOut.Answer<List<AuditEvent>> answer : fanOut.ask(ServiceClients.ALL,
                service -> services.service(service).get("/internal/audit/events", parameters, EVENTS),
                EVENTS_WAIT)) {
            if (answer.ok()) {
                answer.value().forEach(event -> found.putIfAbsent(event.service() + "/" + event.eventId(), event));
            } else {
                failures.putIfAbsent(answer.service(), describe(answer.error()));
            }
        }
    }

    /** Every stream of each service named, or one stream ({@code aggregateId}) in each. */
    public Gathered<ChainReport> chains(List<String> serviceNames, String aggregateId) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("aggregateId", aggregateId);
        return gather(fanOut.ask(serviceNames, service -> services.patientService(service)
                .get("/internal/audit/chain", parameters, new ParameterizedTypeReference<ChainReport>() {
                }), Duration.ofMinutes(10)));
    }

    public Gathered<ReadModel> readModels() {
        Gathered<List<ReadModel>> perService = gather(fanOut.ask(ServiceClients.ALL, service -> services
                .service(service).get("/internal/audit/read-models", Map.of(), READ_MODELS).stream()
                .map(r -> new ReadModel(service, r.processingGroup(), r.tables())).toList(), Duration.ofSeconds(20)));
        return new Gathered<>(perService.items().stream().flatMap(List::stream).toList(), perService.failures());
    }

    public ReplayResult replay(String service, String processingGroup) {
        return services.patientService(service).post("/internal/audit/read-models/{group}/replay", null,
                ReplayResult.class, processingGroup);
    }

    /** Each service's states that can be shown as of a past instant, by service. */
    public Gathered<Map.Entry<String, List<String>>> timeTravelViews() {
        return gather(fanOut.ask(ServiceClients.ALL, service -> Map.entry(service, services.service(service)
                .get("/internal/audit/as-of", Map.of(), NAMES)), Duration.ofSeconds(20)));
    }

    public AsOf asOf(String service, String view, String familyId, Instant at) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("familyId", familyId);
        parameters.put("at", at);
        return services.patientService(service).get("/internal/audit/as-of/" + view, parameters,
                new ParameterizedTypeReference<AsOf>() {
                });
    }

    private static <T> Gathered<T> gather(List<ServiceFanOut.Answer<T>> answers) {
        List<T> items = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (ServiceFanOut.Answer<T> answer : answers) {
            if (answer.ok()) {
                items.add(answer.value());
            } else {
                failures.put(answer.service(), describe(answer.error()));
            }
        }
        return new Gathered<>(items, failures);
    }

    private static String describe(RuntimeException error) {
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
