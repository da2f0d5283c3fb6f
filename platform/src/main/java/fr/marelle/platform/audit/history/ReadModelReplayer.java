package fr.marelle.platform.audit.history;

import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
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
import java.util.function.BiFunction;
import java.util.function.Consumer;
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
    private final TransactionTemplate readOnly;
    private final String service;
    private final Clock clock;

    public ReadModelReplayer(ApplicationContext context, EventStore eventStore, Configuration axon, JdbcClient jdbc,
                             TransactionTemplate transactions, String service, Clock clock) {
        this.context = context;
        this.eventStore = eventStore;
        this.axon = axon;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.service = service;
        this.clock = clock;
    }

    public List<ReadModel> readModels() {
        Map<String, Set<String>> tables = new LinkedHashMap<>();
        projections().forEach((group, beans) -> beans.forEach(bean -> tables.computeIfAbsent(group,
                g -> new TreeSet<>()).addAll(List.of(declaration(bean).value()))));
        List<ReadModel> result = new ArrayList<>();
        tables.forEach((group, names) -> result.add(new ReadModel(group, List.copyOf(names))));
        return result;
    }

    /** Rebuilds the read model from every event into a scratch copy and compares it with the live tables. */
    public Result replay(String processingGroup) {
        Instant started = clock.instant();
        return inScratchCopy(processingGroup, (schema, tables) -> {
            long replayed = replayInto(schema, processingGroup, allEvents());
            List<TableDifference> differences = new ArrayList<>();
            for (String table : tables) {
                differences.add(compare(schema, table));
            }
            return new Result(service, processingGroup, replayed, differences,
                    Duration.between(started, clock.instant()));
        });
    }

    /** What {@code view} showed of a family at {@code at}: its read model rebuilt from the family's events until then. */
    public AsOf asOf(TimeTravelView view, String familyId, Instant at) {
        return inScratchCopy(view.processingGroup(), (schema, tables) -> {
            long replayed = replayInto(schema, view.processingGroup(), familyEvents(familyId, at));
            Object state = readOnly.execute(s -> {
                jdbc.sql("SET LOCAL search_path TO " + schema + ", public").update();
                return view.read(jdbc, familyId, at);
            });
            return new AsOf(service, view.name(), familyId, at, replayed, state);
        });
    }

    public record AsOf(String service, String view, String familyId, Instant at, long eventsReplayed, Object state) {
    }

    private <R> R inScratchCopy(String processingGroup, BiFunction<String, List<String>, R> work) {
        List<Object> beans = projections().get(processingGroup);
        if (beans == null) {
            throw new IllegalArgumentException("No rebuildable read model named " + processingGroup);
        }
        Set<String> owned = new TreeSet<>();
        Set<String> read = new TreeSet<>();
        beans.forEach(bean -> {
            owned.addAll(List.of(declaration(bean).value()));
            read.addAll(List.of(declaration(bean).reads()));
        });
        read.removeAll(owned);
        owned.forEach(ReadModelReplayer::checkName);
        read.forEach(ReadModelReplayer::checkName);
        String schema = "replay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try {
            transactions.executeWithoutResult(s -> {
                jdbc.sql("CREATE SCHEMA " + schema).update();
                for (String table : owned) {
                    jdbc.sql("CREATE TABLE " + schema + "." + table + " (LIKE public." + table
                            + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)").update();
                }
                for (String table : read) {
                    jdbc.sql("CREATE TABLE " + schema + "." + table + " AS TABLE public." + table).update();
                }
            });
            return work.apply(schema, List.copyOf(owned));
        } finally {
            transactions.executeWithoutResult(s -> jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update());
        }
    }

    /** Runs the group's handlers over {@code events}, in batches, each in a transaction that sees only the copy. */
    private long replayInto(String schema, String processingGroup, Consumer<Consumer<List<TrackedEventMessage<?>>>>
            events) {
        List<AnnotationEventHandlerAdapter> handlers = projections().get(processingGroup).stream()
                .map(bean -> new AnnotationEventHandlerAdapter(bean, axon.parameterResolverFactory(),
                        axon.handlerDefinition(bean.getClass())))
                .toList();
        long[] count = {0};
        events.accept(batch -> {
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
            count[0] += batch.size();
        });
        return count[0];
    }

    /** Every event of the store up to its head when the rebuild starts, in batches. */
    private Consumer<Consumer<List<TrackedEventMessage<?>>>> allEvents() {
        return sink -> {
            TrackingToken head = eventStore.createHeadToken();
            OptionalLong last = head == null ? OptionalLong.empty() : head.position();
            if (last.isEmpty()) {
                return;
            }
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
                    sink.accept(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    /**
     * The events of one family stored up to {@code at}, in store order, read through the service's serializer and
     * upcasters as its processors read them.
     */
    private Consumer<Consumer<List<TrackedEventMessage<?>>>> familyEvents(String familyId, Instant at) {
        return sink -> {
            long after = -1;
            while (true) {
                List<TrackedDomainEventData<byte[]>> rows = jdbc.sql("""
                                SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier,
                                       time_stamp, payload_type, payload_revision, payload, meta_data
                                FROM domain_event_entry
                                WHERE family_id = ? AND time_stamp <= ? AND global_index > ?
                                ORDER BY global_index LIMIT ?""")
                        .params(familyId, DateTimeUtils.formatInstant(at), after, BATCH)
                        .query((rs, row) -> new TrackedDomainEventData<>(
                                new GlobalSequenceTrackingToken(rs.getLong("global_index")),
                                new GenericDomainEventEntry<>(rs.getString("type"),
                                        rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                                        rs.getString("event_identifier"), rs.getString("time_stamp"),
                                        rs.getString("payload_type"), rs.getString("payload_revision"),
                                        rs.getBytes("payload"), rs.getBytes("meta_data"))))
                        .list();
                if (rows.isEmpty()) {
                    return;
                }
                after = rows.get(rows.size() - 1).trackingToken().position().orElseThrow();
                sink.accept(EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), axon.eventSerializer(),
                        axon.upcasterChain()).toList());
                if (rows.size() < BATCH) {
                    return;
                }
            }
        };
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

    private static ProjectionTables declaration(Object bean) {
        return AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean), ProjectionTables.class);
    }

    private static void checkName(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
    }
}
