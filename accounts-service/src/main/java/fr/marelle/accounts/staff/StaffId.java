package fr.marelle.accounts.staff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record StaffId(UUID value) {

    public StaffId {
        Objects.requireNonNull(value, "StaffId");
    }

    public static StaffId random() {
        return new StaffId(UUID.randomUUID());
    }

    @JsonCreator
    public static StaffId of(String value) {
        return new StaffId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
