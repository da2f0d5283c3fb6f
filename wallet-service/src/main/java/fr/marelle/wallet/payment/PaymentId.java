package fr.marelle.wallet.payment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A card payment to top a wallet up; the provider knows it as the merchant's reference. */
public record PaymentId(UUID value) {

    public PaymentId {
        Objects.requireNonNull(value, "PaymentId");
    }

    public static PaymentId random() {
        return new PaymentId(UUID.randomUUID());
    }

    @JsonCreator
    public static PaymentId of(String value) {
        return new PaymentId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
