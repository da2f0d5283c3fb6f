package fr.marelle.notification.family;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A family, as accounts-service named it. */
public record FamilyId(UUID value) {

    public FamilyId {
        Objects.requireNonNull(value, "FamilyId");
    }

    @JsonCreator
    public static FamilyId of(String value) {
        return new FamilyId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
