package fr.marelle.notification.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

public record MessageId(UUID value) {

    public MessageId {
        Objects.requireNonNull(value, "message id");
    }

    /**
     * The same cause always gives the same message id: a message caused by an event delivered twice is created
     * once, whatever else happens.
     */
    public static MessageId causedBy(String sourceEventId, String template) {
        return new MessageId(UUID.nameUUIDFromBytes((template + ":" + sourceEventId).getBytes(StandardCharsets.UTF_8)));
    }

    @JsonCreator
    public static MessageId of(String value) {
        return new MessageId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
