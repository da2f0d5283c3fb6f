package fr.marelle.children.document;

/** Asked once per child (photo, school insurance) or once per family (image rights, health sheet, QF attestation). */
public enum DocumentScope { CHILD, FAMILY }
