package fr.marelle.accounts.family;

public enum Civility {
    MADAME, MONSIEUR;

    public String label() {
        return this == MADAME ? "Madame" : "Monsieur";
    }
}
