package fr.marelle.children.document;

/** How long an approved document stays valid: to the end of its school year, a number of months, or for good. */
public enum Validity { SCHOOL_YEAR, MONTHS, UNLIMITED }
