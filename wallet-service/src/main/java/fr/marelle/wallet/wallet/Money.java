package fr.marelle.wallet.wallet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of euros in whole cents, signed: a balance may be negative, an adjustment may take money out. Never a
 * floating-point number; no rounding ever happens here.
 */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    @JsonCreator
    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    @JsonValue
    public long cents() {
        return cents;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public Money negate() {
        return new Money(Math.negateExact(cents));
    }

    public static Money min(Money a, Money b) {
        return a.cents <= b.cents ? a : b;
    }

    public boolean isNegative() {
        return cents < 0;
    }

    public boolean isPositive() {
        return cents > 0;
    }

    public boolean isZero() {
        return cents == 0;
    }

    public boolean isBelow(Money other) {
        return cents < other.cents;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    /** 1234 → "12,34 €", as the French write it (for messages; pages format on their own). */
    public String french() {
        long abs = Math.abs(cents);
        return (cents < 0 ? "-" : "") + (abs / 100) + "," + String.format("%02d", abs % 100) + " €";
    }

    @Override
    public String toString() {
        return french();
    }
}
