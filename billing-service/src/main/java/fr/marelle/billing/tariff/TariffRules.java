package fr.marelle.billing.tariff;

import fr.marelle.platform.errors.DomainException;

import java.time.LocalDate;
import java.util.List;

/** The rules of tariff grids, named. */
final class TariffRules {

    static final int MAX_BRACKETS = 10;
    /** 1 000,00 € a unit: above that it is a typing mistake. */
    static final long MAX_UNIT_PRICE_CENTS = 100_000;

    private TariffRules() {
    }

    /**
     * Brackets cover every QF: ascending upper bounds, the last one open (it is also the price without a valid
     * attestation); prices are whole cents, not negative.
     */
    static void bracketsCoverEveryQuotient(List<Bracket> brackets) {
        if (brackets == null || brackets.isEmpty() || brackets.size() > MAX_BRACKETS) {
            throw invalid("Une grille compte de 1 à " + MAX_BRACKETS + " tranches.");
        }
        Integer previous = null;
        for (int i = 0; i < brackets.size(); i++) {
            Bracket bracket = brackets.get(i);
            boolean last = i == brackets.size() - 1;
            if (bracket.unitPriceCents() < 0 || bracket.unitPriceCents() > MAX_UNIT_PRICE_CENTS) {
                throw invalid("Chaque prix est compris entre 0,00 € et 1 000,00 €.");
            }
            if (last) {
                if (bracket.maxQuotientFamilial() != null) {
                    throw invalid("La dernière tranche n'a pas de plafond : elle s'applique aussi aux familles "
                            + "sans attestation de quotient familial.");
                }
            } else {
                Integer max = bracket.maxQuotientFamilial();
                if (max == null || max < 0 || (previous != null && max <= previous)) {
                    throw invalid("Les plafonds de quotient familial sont croissants.");
                }
                previous = max;
            }
        }
    }

    static void surchargeIsAnAmount(long cents) {
        if (cents < 0 || cents > MAX_UNIT_PRICE_CENTS) {
            throw invalid("La majoration est comprise entre 0,00 € et 1 000,00 €.");
        }
    }

    /** A grid takes effect today at the earliest: the past is never repriced (unless it is the service's first). */
    static void takesEffectFromToday(LocalDate effectiveFrom, LocalDate today) {
        if (effectiveFrom == null || effectiveFrom.isBefore(today)) {
            throw DomainException.rule("TARIFF_EFFECT_IN_PAST",
                    "Une grille prend effet au plus tôt aujourd'hui.");
        }
    }

    /** No grid of the service has taken effect by today: none ever priced a charge. */
    static boolean noGridInForceYet(java.util.Set<LocalDate> effectiveDates, LocalDate today) {
        return effectiveDates.stream().allMatch(date -> date.isAfter(today));
    }

    /** A grid in force has priced charges: it is never replaced nor withdrawn (prepare a new one instead). */
    static void notInForce(LocalDate effectiveFrom, LocalDate today) {
        if (!effectiveFrom.isAfter(today)) {
            throw DomainException.rule("TARIFF_GRID_IN_FORCE",
                    "Cette grille est déjà en vigueur : préparez une nouvelle grille avec une date d'effet future.");
        }
    }

    private static DomainException invalid(String message) {
        return DomainException.rule("TARIFF_GRID_INVALID", message);
    }
}
