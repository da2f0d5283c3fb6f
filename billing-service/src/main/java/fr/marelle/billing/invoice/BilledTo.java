package fr.marelle.billing.invoice;

/** Who an invoice is addressed to, as the family file said when it was issued. */
public record BilledTo(String name, String line1, String line2, String postcode, String city) {
}
