package fr.marelle.wallet.payment;

import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.ErrorKind;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.wallet.wallet.Money;

import java.util.List;
import java.util.Objects;

/** The rules of a card payment, named. */
final class PaymentRules {

    private PaymentRules() {
    }

    /** Screen 20: at least 10,00 €, at most what the town set. */
    static void amountWithinLimits(Money amount, TopUpLimits limits) {
        if (amount.isBelow(limits.minimum())) {
            throw new DomainException(ErrorKind.RULE_VIOLATED, "TOP_UP_BELOW_MINIMUM",
                    "Le montant minimum est de " + limits.minimum() + ".", List.of(new FieldViolation("amountCents",
                    "TOP_UP_BELOW_MINIMUM", "Le montant minimum est de " + limits.minimum() + ".")));
        }
        if (limits.maximum().isBelow(amount)) {
            throw new DomainException(ErrorKind.RULE_VIOLATED, "TOP_UP_ABOVE_MAXIMUM",
                    "Le montant maximum est de " + limits.maximum() + ".", List.of(new FieldViolation("amountCents",
                    "TOP_UP_ABOVE_MAXIMUM", "Le montant maximum est de " + limits.maximum() + ".")));
        }
    }

    /** Only the provider a payment went through speaks of it. */
    static void sameProvider(String expected, String provider) {
        if (provider != null && !provider.equals(expected)) {
            throw DomainException.rule("PAYMENT_PROVIDER_MISMATCH",
                    "Ce paiement n'a pas été fait auprès de ce prestataire.");
        }
    }

    /** A provider's answer is about this payment: its reference, once it has one, and its amount, exactly. */
    static void outcomeMatches(String expectedReference, Money expectedAmount, String reference, Money amount) {
        if (expectedReference != null && reference != null && !Objects.equals(expectedReference, reference)) {
            throw DomainException.rule("PAYMENT_REFERENCE_MISMATCH",
                    "La référence du prestataire ne correspond pas à ce paiement.");
        }
        if (amount != null && !amount.equals(expectedAmount)) {
            throw DomainException.rule("PAYMENT_AMOUNT_MISMATCH",
                    "Le montant annoncé par le prestataire ne correspond pas à ce paiement.");
        }
    }
}
