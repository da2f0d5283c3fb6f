package fr.marelle.billing.charge;

import fr.marelle.platform.errors.DomainException;

import java.time.YearMonth;
import java.util.List;

/** The rules of a family's monthly charges, named. */
final class ChargeRules {

    private ChargeRules() {
    }

    /** A month's ledger holds that month's charges only. */
    static void belongToTheMonth(YearMonth month, List<Charge> charges) {
        for (Charge charge : charges) {
            if (!YearMonth.from(charge.date()).equals(month)) {
                throw DomainException.rule("CHARGE_OUTSIDE_MONTH",
                        "La prestation du " + charge.date() + " n'appartient pas au mois " + month + ".");
            }
        }
    }

    /** A settled, waived or released charge is final: a later different outcome is a correction for staff. */
    static boolean isFinal(ChargeState state) {
        return state != ChargeState.SCHEDULED;
    }
}
