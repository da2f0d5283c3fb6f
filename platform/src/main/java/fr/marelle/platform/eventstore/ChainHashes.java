package fr.marelle.platform.eventstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An event's {@code chain_hash}, computed as the store's {@code marelle_event_hash} (platform V3) does: SHA-256 over
 * the previous event's hash, the aggregate id, the sequence number (8 bytes, big-endian), the event id, the payload
 * type and revision, the payload, the metadata and the time text, each part but the sequence number prefixed by its
 * length in 4 bytes (-1 when absent). Texts are taken as UTF-8, as PostgreSQL's {@code convert_to(..., 'UTF8')} does
 * with what pgjdbc sent (both replace a lone surrogate with {@code ?}).
 */
final class ChainHashes {

    private static final MessageDigest PROTOTYPE;

    static {
        try {
            PROTOTYPE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e); // every Java platform has SHA-256
        }
    }

    private ChainHashes() {
    }

    static byte[] of(byte[] previous, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                     String payloadType, String payloadRevision, byte[] payload, byte[] metaData, String timeStamp) {
        MessageDigest sha256 = newDigest();
        ByteBuffer number = ByteBuffer.allocate(Long.BYTES);
        part(sha256, number, previous);
        part(sha256, number, utf8(aggregateIdentifier));
        sha256.update(number.clear().putLong(sequenceNumber).array(), 0, Long.BYTES);
        part(sha256, number, utf8(eventIdentifier));
        part(sha256, number, utf8(payloadType));
        part(sha256, number, utf8(payloadRevision));
        part(sha256, number, payload);
        part(sha256, number, metaData);
        part(sha256, number, utf8(timeStamp));
        return sha256.digest();
    }

    private static MessageDigest newDigest() {
        try {
            return (MessageDigest) PROTOTYPE.clone(); // cheaper than a provider lookup for every event
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the SHA-256 digest of this Java platform cannot be cloned", e);
        }
    }

    private static void part(MessageDigest sha256, ByteBuffer number, byte[] value) {
        sha256.update(number.clear().putInt(value == null ? -1 : value.length).array(), 0, Integer.BYTES);
        if (value != null) {
            sha256.update(value);
        }
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
