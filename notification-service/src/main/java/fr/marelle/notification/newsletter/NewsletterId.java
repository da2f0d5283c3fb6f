package fr.marelle.notification.newsletter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record NewsletterId(UUID value) {

    public NewsletterId {
        Objects.requireNonNull(value, "NewsletterId");
    }

    public static NewsletterId random() {
        return new NewsletterId(UUID.randomUUID());
    }

    @JsonCreator
    public static NewsletterId of(String value) {
        return new NewsletterId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
