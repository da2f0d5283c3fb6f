package fr.marelle.children.document;

/** A kind of document as the catalogue describes it when a document of that kind is sent. */
public record KindSnapshot(String code, String title, DocumentScope scope, Requirement requirement, Validity validity,
                           Integer validityMonths, boolean reviewRequired) {
}
