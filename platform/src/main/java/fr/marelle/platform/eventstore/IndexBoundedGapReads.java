package fr.marelle.platform.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The event processors' read of the next batch when their token has gaps (positions taken by transactions not yet
 * committed, or rolled back), written so that every plan PostgreSQL may cache for it walks the global index.
 *
 * <p>Axon's own statement, {@code WHERE (i > ? AND i <= ?) OR i IN (?, …)}, has no index condition that holds for the
 * whole {@code OR}: planned while the store is small (a new service, a new database), its cached generic plan is a
 * sequential scan, and PostgreSQL keeps it for as long as the table's statistics do not change. With autovacuum off,
 * or between two analyses, every read with gaps then scans the whole store: 3 ms per read at 100 000 events, most of
 * the database's time in the alert benchmark. Here the statement bounds the index range from the lowest gap to the
 * batch's end, and filters the rest: {@code WHERE i >= ? AND i <= ? AND (i > ? OR i = ANY (?))}. Gaps are recent
 * positions (Axon forgets them after its gap timeout or {@code maxGapOffset}), so the range is short; and one text,
 * whatever the number of gaps, is one prepared statement instead of one per count.
 */
public final class IndexBoundedGapReads implements ReadEventDataWithGapsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, long globalIndex, int batchSize,
                                   List<Long> gaps) throws SQLException {
        String index = schema.globalIndexColumn();
        long lowest = globalIndex + 1;
        for (Long gap : gaps) {
            lowest = Math.min(lowest, gap);
        }
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.trackedEventFields()
                + " FROM " + schema.domainEventTable()
                + " WHERE " + index + " >= ? AND " + index + " <= ? AND (" + index + " > ? OR " + index
                + " = ANY (?)) ORDER BY " + index + " ASC");
        Array gapArray = connection.createArrayOf("bigint", gaps.toArray(Long[]::new));
        statement.setLong(1, lowest);
        statement.setLong(2, globalIndex + batchSize);
        statement.setLong(3, globalIndex);
        statement.setArray(4, gapArray);
        return statement;
    }
}
