package fr.marelle.billing.tariff;

import java.time.LocalDate;
import java.util.List;

/** A service's grid from its date of effect until the next grid's: the price of a unit for each QF bracket. */
public record TariffGrid(String serviceId, LocalDate effectiveFrom, List<Bracket> brackets,
                         long unbookedSurchargeCents) {

    /** The bracket of a family: the first whose bound covers its QF; without a valid QF, the top bracket. */
    public Bracket bracketFor(Integer quotientFamilial) {
        if (quotientFamilial == null) {
            return brackets.get(brackets.size() - 1);
        }
        for (Bracket bracket : brackets) {
            if (bracket.maxQuotientFamilial() == null || quotientFamilial <= bracket.maxQuotientFamilial()) {
                return bracket;
            }
        }
        return brackets.get(brackets.size() - 1);
    }
}
