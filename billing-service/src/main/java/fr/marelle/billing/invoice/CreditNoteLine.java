package fr.marelle.billing.invoice;

/** Part of an invoice line credited back: some of its units, at the invoice's unit price. */
public record CreditNoteLine(int invoiceLineIndex, String childName, String serviceName, long unitPriceCents,
                             int quantity, long amountCents) {
}
