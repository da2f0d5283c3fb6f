package fr.marelle.wallet.wallet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * One movement of a wallet. Chosen by whoever asks for it (a staff form, a payment, a charge), so that asking twice
 * records it once.
 */
public record MovementId(UUID value) {

    public MovementId {
        Objects.requireNonNull(value, "MovementId");
    }

    public static MovementId random() {
        return new MovementId(UUID.randomUUID());
    }

    /** The debit of a charge: the same charge always gives the same movement. */
    public static MovementId ofCharge(String chargeId) {
        return new MovementId(UUID.nameUUIDFromBytes(("charge:" + chargeId).getBytes(StandardCharsets.UTF_8)));
    }

    @JsonCreator
    public static MovementId of(String value) {
        return new MovementId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
