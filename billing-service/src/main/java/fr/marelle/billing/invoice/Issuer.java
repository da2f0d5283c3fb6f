package fr.marelle.billing.invoice;

/** The town that issues the document, as configured when it was issued. */
public record Issuer(String name, String contactEmail) {
}
