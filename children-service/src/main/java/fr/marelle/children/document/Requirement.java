package fr.marelle.children.document;

/**
 * Whether the town asks for a kind of document: required of every family (or child), optional (e.g. the QF
 * attestation, for families who want the reduced tariff), or not asked at all (a form or the house rules, only to
 * download).
 */
public enum Requirement {
    REQUIRED, OPTIONAL, NONE;

    public boolean acceptsUploads() {
        return this != NONE;
    }
}
