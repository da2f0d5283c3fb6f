package fr.marelle.accounts.guardian;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record GuardianId(UUID value) {

    public GuardianId {
        Objects.requireNonNull(value, "GuardianId");
    }

    public static GuardianId random() {
        return new GuardianId(UUID.randomUUID());
    }

    @JsonCreator
    public static GuardianId of(String value) {
        return new GuardianId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
