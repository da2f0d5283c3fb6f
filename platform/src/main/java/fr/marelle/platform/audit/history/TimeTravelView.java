package fr.marelle.platform.audit.history;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;

/**
 * A state the audit console can show as of any instant: the read model of {@link #processingGroup()} is rebuilt in
 * a scratch copy from the family's events up to that instant, then {@link #read} runs against the copy — the same
 * query that shows the live state, so the past is computed by the same code as the present.
 */
public interface TimeTravelView {

    /** The view's name in the audit API, e.g. {@code wallet} or {@code bookings}. */
    String name();

    /** The read model that holds this state; its bean declares its tables with {@link ProjectionTables}. */
    String processingGroup();

    /**
     * The state of one family in the rebuilt read model. {@code readModel}'s unqualified table names resolve to the
     * scratch copy first, then to the live reference tables.
     */
    Object read(JdbcClient readModel, String familyId);

    /**
     * The same, for a view part of whose state depends on what other families did until {@code at} (e.g. a place in
     * a waiting line), which a replay of the family's own events cannot show. By default the instant is not needed.
     */
    default Object read(JdbcClient readModel, String familyId, Instant at) {
        return read(readModel, familyId);
    }
}
