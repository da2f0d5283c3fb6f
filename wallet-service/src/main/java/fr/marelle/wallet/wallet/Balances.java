package fr.marelle.wallet.wallet;

import java.util.Objects;

/**
 * A wallet's four figures after a fact (screen 19): "Solde", "À venir", "Solde mercredi récréatif" and "À venir
 * mercredi récréatif". What is to come is split as it will be paid: CESU first for the charges it may pay, in the
 * order of their days, as far as the CESU balance goes; the rest from the main balance.
 */
public record Balances(Money main, Money cesu, Money upcomingMain, Money upcomingCesu) {

    public Balances {
        Objects.requireNonNull(main);
        Objects.requireNonNull(cesu);
        Objects.requireNonNull(upcomingMain);
        Objects.requireNonNull(upcomingCesu);
    }
}
