package fr.marelle.platform.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Axon's JDBC storage engine, writing each event's time with {@link EventTimestamps} (the same text, cheaper). */
final class MarelleJdbcEventStorageEngine extends JdbcEventStorageEngine {

    MarelleJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp) throws SQLException {
        statement.setString(position, EventTimestamps.format(timestamp));
    }
}
