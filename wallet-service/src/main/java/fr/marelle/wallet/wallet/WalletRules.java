package fr.marelle.wallet.wallet;

import fr.marelle.platform.errors.DomainException;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules of a wallet, named. */
public final class WalletRules {

    /** The alert threshold of a family that chose none (DOMAIN: "critical threshold (15,00 €)"). */
    public static final Money DEFAULT_LOW_BALANCE_THRESHOLD = Money.ofCents(1_500);
    /** A threshold above 1 000,00 € is a typing mistake. */
    public static final Money MAX_LOW_BALANCE_THRESHOLD = Money.ofCents(100_000);
    /** One staff operation: at most 10 000,00 €. */
    public static final Money MAX_OPERATION = Money.ofCents(1_000_000);
    public static final int MAX_REASON = 500;
    public static final int MAX_REFERENCE = 60;

    private WalletRules() {
    }

    /** The balance goes from at or above the threshold to below it: one alert per crossing. */
    static boolean crossesBelowThreshold(Money before, Money after, Money threshold) {
        return !before.isBelow(threshold) && after.isBelow(threshold);
    }

    /** The balance goes from zero or more to below zero: one alert per crossing. */
    static boolean crossesBelowZero(Money before, Money after) {
        return !before.isNegative() && after.isNegative();
    }

    /** CESU pays first for what it may pay, as far as the CESU balance goes; the rest comes from the main balance. */
    static Money paidByCesu(ChargeLine charge, Money cesuBalance) {
        if (!charge.cesuEligible() || !cesuBalance.isPositive()) {
            return Money.ZERO;
        }
        return Money.min(charge.amount(), cesuBalance);
    }

    static void chargesAreWellFormed(List<ChargeLine> charges) {
        Set<String> ids = new HashSet<>();
        for (ChargeLine charge : charges) {
            if (charge.amount().isNegative()) {
                throw DomainException.rule("CHARGE_AMOUNT_NEGATIVE",
                        "Le montant d'une prestation ne peut pas être négatif.");
            }
            if (!ids.add(charge.chargeId())) {
                throw DomainException.rule("CHARGE_DUPLICATED", "Une prestation figure deux fois dans le message.");
            }
        }
    }

    /** Money in is positive and bounded; an adjustment is not zero. */
    static void creditIsAnAmount(Money amount) {
        if (!amount.isPositive()) {
            throw DomainException.rule("AMOUNT_NOT_POSITIVE", "Le montant doit être supérieur à zéro.");
        }
        if (MAX_OPERATION.isBelow(amount)) {
            throw DomainException.rule("AMOUNT_TOO_HIGH", "Le montant ne peut pas dépasser " + MAX_OPERATION + ".");
        }
    }

    static void adjustmentIsAnAmount(Money amount) {
        if (amount.isZero()) {
            throw DomainException.rule("AMOUNT_ZERO", "Un ajustement de 0,00 € ne change rien.");
        }
        if (MAX_OPERATION.isBelow(amount) || MAX_OPERATION.isBelow(amount.negate())) {
            throw DomainException.rule("AMOUNT_TOO_HIGH", "Le montant ne peut pas dépasser " + MAX_OPERATION + ".");
        }
    }

    /** Only a card payment has no reason typed by someone; every staff operation says why. */
    static void reasonGiven(CreditKind kind, String reason) {
        if (kind != CreditKind.TOP_UP && (reason == null || reason.isBlank())) {
            throw DomainException.rule("REASON_REQUIRED", "Le motif est obligatoire.");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw DomainException.rule("REASON_TOO_LONG", "Le motif compte au plus " + MAX_REASON + " caractères.");
        }
    }

    /** The CESU balance only ever receives CESU cheques (and corrections of them). */
    static void pocketMatchesKind(Pocket pocket, CreditKind kind) {
        boolean cesuOnly = kind == CreditKind.CESU_CHEQUE;
        boolean either = kind == CreditKind.ADJUSTMENT;
        if (!either && (pocket == Pocket.CESU) != cesuOnly) {
            throw DomainException.rule("POCKET_NOT_ALLOWED", cesuOnly
                    ? "Un chèque CESU crédite le solde mercredi récréatif."
                    : "Seuls les chèques CESU créditent le solde mercredi récréatif.");
        }
    }

    /** A cheque has its number. */
    static void chequeHasANumber(CreditKind kind, String reference) {
        if ((kind == CreditKind.CESU_CHEQUE || kind == CreditKind.CHEQUE)
                && (reference == null || reference.isBlank())) {
            throw DomainException.rule("CHEQUE_NUMBER_REQUIRED", "Le numéro du chèque est obligatoire.");
        }
        if (reference != null && reference.length() > MAX_REFERENCE) {
            throw DomainException.rule("REFERENCE_TOO_LONG",
                    "La référence compte au plus " + MAX_REFERENCE + " caractères.");
        }
    }

    /** A CESU cheque has a number of its own: it is recorded once. */
    static void cesuChequeNotYetRecorded(Set<String> recorded, String number) {
        if (recorded.contains(chequeKey(number))) {
            throw DomainException.conflict("CESU_CHEQUE_ALREADY_RECORDED",
                    "Le chèque CESU n° " + number.strip() + " est déjà enregistré pour cette famille.");
        }
    }

    static String chequeKey(String number) {
        return number.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
    }

    /** The CESU balance never goes below zero: it is money the family handed over in cheques. */
    static void cesuStaysPositive(Money cesuAfter) {
        if (cesuAfter.isNegative()) {
            throw DomainException.rule("CESU_BALANCE_NEGATIVE",
                    "Le solde mercredi récréatif ne peut pas devenir négatif.");
        }
    }

    static void thresholdIsReasonable(Money threshold) {
        if (threshold.isNegative() || MAX_LOW_BALANCE_THRESHOLD.isBelow(threshold)) {
            throw DomainException.rule("THRESHOLD_INVALID", "Le seuil d'alerte est compris entre 0,00 € et "
                    + MAX_LOW_BALANCE_THRESHOLD + ".");
        }
    }
}
