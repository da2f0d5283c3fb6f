package fr.marelle.platform.eventstore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import fr.marelle.platform.audit.AuditMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Axon's insert of new events, plus the audit columns that the store's insert trigger would otherwise compute
 * (platform migrations V3, V5 and V6):
 * <ul>
 * <li>{@code family_id}, the payload's top-level {@code familyId} else the metadata's, and {@code correlation_id}, the
 * metadata's. Parsing both documents in PostgreSQL cost about 20 µs a row; the payload is read here with Jackson's
 * streaming parser, the metadata not at all (its values are at hand). Where the values cannot be known to be what the
 * trigger would find (the payload is not a JSON object Jackson reads to its end, a document holds a unicode escape,
 * the {@code familyId} or the metadata's values are not strings), both columns are left empty and the trigger reads
 * them as before.</li>
 * <li>{@code chain_hash}, by {@link ChainHashes}, when the previous hash of the event's stream is known here: the
 * stream's first event, and the events that follow one hashed in the same batch. The others are left empty and the
 * trigger computes them, reading the previous hash from the table. Invoking the trigger at all cost PostgreSQL about
 * 50 µs per single-row transaction (ADR 24); a row that comes with all its columns does not invoke it.</li>
 * </ul>
 * The time is written as {@link EventTimestamps} text (what the engine's timestamp writer writes), since the hash
 * covers that text.
 */
final class AuditColumnsAppends implements AppendEventsStatementBuilder {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String FAMILY_ID = "family_id";
    private static final String CORRELATION_ID = "correlation_id";
    private static final String CHAIN_HASH = "chain_hash";

    private volatile Insert insert;

    private record Insert(EventSchema schema, String sql) {
    }

    /** The last hash computed in a batch for a stream. */
    private record Link(long sequence, byte[] hash) {
    }

    /** The audit columns of one event, or {@link #UNKNOWN} when the trigger must read them. */
    record AuditColumns(String familyId, String correlationId) {
        static final AuditColumns UNKNOWN = new AuditColumns(null, null);
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(insert(schema));
        Map<String, Link> chains = new HashMap<>(4);
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEventMessage(message);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            String time = EventTimestamps.format(event.getTimestamp());
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            statement.setString(5, time);
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setObject(8, payload.getData());
            statement.setObject(9, metaData.getData());
            AuditColumns columns = auditColumns(payload.getData(), metaData.getData(),
                    event.getMetaData().get(AuditMetadata.FAMILY_ID),
                    event.getMetaData().get(AuditMetadata.CORRELATION_ID));
            statement.setString(10, columns.familyId()); // null is SQL NULL, as for Axon's own type column
            statement.setString(11, columns.correlationId());
            statement.setBytes(12, chainHash(chains, event, payload, metaData, time));
            statement.addBatch();
        }
        return statement;
    }

    /** The statement for this schema, built once: pgjdbc finds its parsed query by the text's hash. */
    private String insert(EventSchema schema) {
        Insert cached = insert;
        if (cached == null || cached.schema() != schema) {
            cached = new Insert(schema, "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields()
                    + ", " + FAMILY_ID + ", " + CORRELATION_ID + ", " + CHAIN_HASH
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insert = cached;
        }
        return cached.sql();
    }

    /**
     * The event's hash when the previous one of its stream is known: it is the first of its stream, or it follows an
     * event of this batch whose hash was computed here. Otherwise null, and the trigger reads the previous hash from
     * the table (the first event of a batch on an existing stream, and those after it).
     */
    private static byte[] chainHash(Map<String, Link> chains, DomainEventMessage<?> event,
                                    SerializedObject<?> payload, SerializedObject<?> metaData, String time) {
        String stream = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        Link last = chains.get(stream);
        byte[] previous;
        if (sequence == 0) {
            previous = null;
        } else if (last != null && last.sequence() == sequence - 1) {
            previous = last.hash();
        } else {
            chains.remove(stream);
            return null;
        }
        if (!(payload.getData() instanceof byte[] payloadBytes)
                || (metaData.getData() != null && !(metaData.getData() instanceof byte[]))) {
            chains.remove(stream);
            return null;
        }
        byte[] hash = ChainHashes.of(previous, stream, sequence, event.getIdentifier(), payload.getType().getName(),
                payload.getType().getRevision(), payloadBytes, (byte[]) metaData.getData(), time);
        chains.put(stream, new Link(sequence, hash));
        return hash;
    }

    /** As Axon's own statement does: an event that belongs to no aggregate is stored as its own stream. */
    private static DomainEventMessage<?> asDomainEventMessage(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domainEvent ? domainEvent
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    /**
     * What the trigger's {@code coalesce(payload ->> 'familyId', metadata ->> 'familyId')} and
     * {@code metadata ->> 'correlationId'} give, or {@link AuditColumns#UNKNOWN}.
     */
    static AuditColumns auditColumns(Object payload, Object metadata, Object metadataFamilyId,
                                     Object metadataCorrelationId) {
        if (!(payload instanceof byte[] json) || json.length == 0 || json[0] != '{' || hasUnicodeEscape(json)
                || !(metadata instanceof byte[] metadataJson) || hasUnicodeEscape(metadataJson)
                || (metadataFamilyId != null && !(metadataFamilyId instanceof String))
                || (metadataCorrelationId != null && !(metadataCorrelationId instanceof String))) {
            return AuditColumns.UNKNOWN;
        }
        String familyId;
        try {
            familyId = topLevelFamilyId(json);
        } catch (IOException | NotAString e) {
            return AuditColumns.UNKNOWN;
        }
        return new AuditColumns(familyId != null ? familyId : (String) metadataFamilyId,
                (String) metadataCorrelationId);
    }

    /**
     * Whether the document holds a unicode escape (backslash, u): jsonb refuses some that Jackson reads (of the NUL
     * character, of a lone surrogate), and the trigger then finds no value at all. Jackson writes none unless a text
     * holds a control character.
     */
    private static boolean hasUnicodeEscape(byte[] json) {
        for (int i = 0; i < json.length - 1; i++) {
            if (json[i] == '\\' && json[i + 1] == 'u') {
                return true;
            }
        }
        return false;
    }

    /**
     * The string value of the object's last top-level {@code familyId} (jsonb keeps the last of duplicate keys), or
     * null when there is none or it is JSON null; the whole document is read, so that one PostgreSQL would refuse is
     * not taken for a good one.
     */
    private static String topLevelFamilyId(byte[] json) throws IOException, NotAString {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken(); // the object's start: the first byte is '{'
            String familyId = null;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (AuditMetadata.FAMILY_ID.equals(name)) {
                    if (value == JsonToken.VALUE_STRING) {
                        familyId = parser.getText();
                    } else if (value == JsonToken.VALUE_NULL) {
                        familyId = null;
                    } else {
                        throw new NotAString(); // jsonb's text of a number or an object: the trigger's to write
                    }
                }
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new NotAString(); // trailing content
            }
            return familyId;
        }
    }

    /** The payload's audit value is not one this class can write as the trigger would. */
    private static final class NotAString extends Exception {
        NotAString() {
            super(null, null, false, false);
        }
    }
}
