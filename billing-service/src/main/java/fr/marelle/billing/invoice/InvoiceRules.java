package fr.marelle.billing.invoice;

import fr.marelle.billing.Cents;
import fr.marelle.platform.errors.DomainException;

import java.util.List;
import java.util.regex.Pattern;

/** The rules of invoices and credit notes, named. */
final class InvoiceRules {

    static final int MAX_REASON = 500;
    private static final Pattern INVOICE_NUMBER = Pattern.compile("FAC-[0-9]{4}-[0-9]{6}");
    private static final Pattern CREDIT_NOTE_NUMBER = Pattern.compile("AV-[0-9]{4}-[0-9]{6}");

    private InvoiceRules() {
    }

    /** Every line is its unit price times its quantity, one day and one charge a unit; the total is their sum. */
    static long linesAddUp(List<InvoiceLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw DomainException.rule("INVOICE_EMPTY", "Une facture compte au moins une ligne.");
        }
        long total = 0;
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine line = lines.get(i);
            if (line.index() != i || line.quantity() < 1 || line.dates().size() != line.quantity()
                    || line.chargeIds().size() != line.quantity()
                    || line.amountCents() != Cents.times(line.unitPriceCents(), line.quantity())) {
                throw DomainException.rule("INVOICE_LINE_INVALID",
                        "Une ligne de facture est son prix unitaire multiplié par sa quantité.");
            }
            total = Math.addExact(total, line.amountCents());
        }
        return total;
    }

    static void isNumbered(String number, boolean creditNote) {
        if (number == null || !(creditNote ? CREDIT_NOTE_NUMBER : INVOICE_NUMBER).matcher(number).matches()) {
            throw DomainException.rule("DOCUMENT_NUMBER_INVALID", "Numéro de pièce invalide.");
        }
    }

    /** A credit note says why. */
    static void reasonGiven(String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw DomainException.rule("CREDIT_NOTE_REASON_REQUIRED",
                    "Le motif de l'avoir est obligatoire (" + MAX_REASON + " caractères au plus).");
        }
    }

    /** Never more than was invoiced: each line is credited at most its quantity, over every credit note. */
    static void withinTheInvoice(int quantity, int alreadyCredited, int invoiced) {
        if (quantity < 1 || alreadyCredited + quantity > invoiced) {
            throw DomainException.rule("CREDIT_EXCEEDS_INVOICE",
                    "Un avoir ne peut pas dépasser ce qui a été facturé sur la ligne (" + (invoiced - alreadyCredited)
                            + " restant).");
        }
    }
}
