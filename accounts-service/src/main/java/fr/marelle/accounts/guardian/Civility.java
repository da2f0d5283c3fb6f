package fr.marelle.accounts.guardian;

public enum Civility {
    MADAME, MONSIEUR
}
