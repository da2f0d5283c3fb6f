package fr.marelle.accounts.family;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record FamilyId(UUID value) {

    public FamilyId {
        Objects.requireNonNull(value, "FamilyId");
    }

    public static FamilyId random() {
        return new FamilyId(UUID.randomUUID());
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
