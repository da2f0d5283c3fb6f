package fr.marelle.accounts.family;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

public record EmergencyContactId(UUID value) {

    public EmergencyContactId {
        Objects.requireNonNull(value, "EmergencyContactId");
    }

    public static EmergencyContactId random() {
        return new EmergencyContactId(UUID.randomUUID());
    }

    @JsonCreator
    public static EmergencyContactId of(String value) {
        return new EmergencyContactId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
