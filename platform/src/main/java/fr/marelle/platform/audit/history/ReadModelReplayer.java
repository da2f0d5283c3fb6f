package fr.marelle.platform.audit.history;

import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Rebuilds a read model from the event store into a fresh copy of its tables (a temporary schema), by running the
 * projection's own handlers over every event, then compares it with the live tables, row for row. The live read
 * model is not touched: the replay's transactions see only the copy (their search path is the temporary schema), so
 * a handler writing a table it did not declare fails the replay instead of writing the live one.
 */
public class ReadModelReplayer {

    public record ReadModel(String processingGroup, List<String> tables) {
    }

    public record TableDifference(String table, long liveRows, long replayedRows, long onlyLive, long onlyReplayed,
                                  List<String> samples) {
        public boolean identical() {
            return onlyLive == 0 && onlyReplayed == 0;
        }
    }

    public record Result(String service, String processingGroup, long eventsReplayed, List<TableDifference> tables,
                         Duration took) {
        public boolean identical() {
            return tables.stream().allMatch(TableDifference::identical);
        }
    }

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int BATCH = 500;

    private final ApplicationContext context;
    private final EventStore eventStore;
    private final Configuration axon;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String service;
    private final Clock clock;

    public ReadModelReplayer(ApplicationContext context, EventStore eventStore, Configuration axon, JdbcClient jdbc,
                             TransactionTemplate transactions, String service, Clock clock) {
        this.context = context;
        this.eventStore = eventStore;
        this.axon = axon;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.service = service;
        this.clock = clock;
    }

    public List<ReadModel> readModels() {
        Map<String, Set<String>> tables = new LinkedHashMap<>();
        projections().forEach((group, beans) -> beans.forEach(bean -> {
            ProjectionTables declared = AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean),
                    ProjectionTables.class);
            tables.computeIfAbsent(group, g -> new TreeSet<>()).addAll(List.of(declared.value()));
        }));
        List<ReadModel> result = new ArrayList<>();
        tables.forEach((group, names) -> result.add(new ReadModel(group, List.copyOf(names))));
        return result;
    }

    public Result replay(String processingGroup) {
        List<Object> beans = projections().get(processingGroup);
        if (beans == null) {
            throw new IllegalArgumentException("No rebuildable read model named " + processingGroup);
        }
        List<String> tables = readModels().stream().filter(r -> r.processingGroup().equals(processingGroup))
                .findFirst().orElseThrow().tables();
        tables.forEach(ReadModelReplayer::checkName);
        Instant started = clock.instant();
        String schema = "replay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try {
            transactions.executeWithoutResult(s -> {
                jdbc.sql("CREATE SCHEMA " + schema).update();
                for (String table : tables) {
                    jdbc.sql("CREATE TABLE " + schema + "." + table + " (LIKE public." + table
                            + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)").update();
                }
            });
            long replayed = replayInto(schema, beans);
            List<TableDifference> differences = new ArrayList<>();
            for (String table : tables) {
                differences.add(compare(schema, table));
            }
            return new Result(service, processingGroup, replayed, differences,
                    Duration.between(started, clock.instant()));
        } finally {
            transactions.executeWithoutResult(s -> jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update());
        }
    }

    private long replayInto(String schema, List<Object> beans) {
        List<AnnotationEventHandlerAdapter> handlers = beans.stream()
                .map(bean -> new AnnotationEventHandlerAdapter(bean, axon.parameterResolverFactory(),
                        axon.handlerDefinition(bean.getClass())))
                .toList();
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong last = head == null ? OptionalLong.empty() : head.position();
        if (last.isEmpty()) {
            return 0;
        }
        long count = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            boolean more = true;
            while (more) {
                List<TrackedEventMessage<?>> batch = new ArrayList<>();
                while (batch.size() < BATCH && stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
                    TrackedEventMessage<?> next = stream.nextAvailable();
                    batch.add(next);
                    if (next.trackingToken().position().orElse(Long.MAX_VALUE) >= last.getAsLong()) {
                        more = false;
                        break;
                    }
                }
                if (batch.isEmpty()) {
                    break;
                }
                transactions.executeWithoutResult(s -> {
                    jdbc.sql("SET LOCAL search_path TO " + schema).update();
                    for (EventMessage<?> event : batch) {
                        for (AnnotationEventHandlerAdapter handler : handlers) {
                            if (handler.canHandle(event)) {
                                try {
                                    handler.handle(event);
                                } catch (Exception e) {
                                    throw new IllegalStateException("Replay failed at event " + event.getIdentifier()
                                            + ": " + e.getMessage(), e);
                                }
                            }
                        }
                    }
                });
                count += batch.size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return count;
    }

    private TableDifference compare(String schema, String table) {
        String live = "SELECT md5(row_to_json(t)::text) AS h FROM public." + table + " t";
        String replayed = "SELECT md5(row_to_json(t)::text) AS h FROM " + schema + "." + table + " t";
        long liveRows = jdbc.sql("SELECT count(*) FROM public." + table).query(Long.class).single();
        long replayedRows = jdbc.sql("SELECT count(*) FROM " + schema + "." + table).query(Long.class).single();
        long onlyLive = jdbc.sql("SELECT count(*) FROM (" + live + " EXCEPT ALL " + replayed + ") d")
                .query(Long.class).single();
        long onlyReplayed = jdbc.sql("SELECT count(*) FROM (" + replayed + " EXCEPT ALL " + live + ") d")
                .query(Long.class).single();
        List<String> samples = onlyLive + onlyReplayed == 0 ? List.of() : jdbc.sql(
                        "SELECT 'live: ' || row_to_json(t)::text FROM public." + table + " t WHERE md5(row_to_json(t)::text) "
                                + "IN (" + live + " EXCEPT ALL " + replayed + ") LIMIT 3")
                .query(String.class).list();
        return new TableDifference(table, liveRows, replayedRows, onlyLive, onlyReplayed, samples);
    }

    /** Beans of a processing group that declare their tables; side-effect groups never do. */
    private Map<String, List<Object>> projections() {
        Map<String, List<Object>> groups = new LinkedHashMap<>();
        for (String name : context.getBeanNamesForAnnotation(ProjectionTables.class)) {
            Object bean = context.getBean(name);
            ProcessingGroup group = AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean), ProcessingGroup.class);
            if (group != null) {
                groups.computeIfAbsent(group.value(), g -> new ArrayList<>()).add(bean);
            }
        }
        return groups;
    }

    private static void checkName(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
    }
}
