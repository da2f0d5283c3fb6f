package fr.marelle.wallet.wallet;

/**
 * The two balances of a wallet: the main one, and the CESU one ("solde mercredi récréatif"), credited by CESU cheques
 * only and spent only on what CESU may pay for.
 */
public enum Pocket {
    MAIN,
    CESU
}
