package fr.marelle.billing.document;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import fr.marelle.billing.charge.ChargeKind;
import fr.marelle.billing.invoice.BilledTo;
import fr.marelle.billing.invoice.CreditNoteLine;
import fr.marelle.billing.invoice.InvoiceEvents.CreditNoteIssued;
import fr.marelle.billing.invoice.InvoiceEvents.InvoiceIssued;
import fr.marelle.billing.invoice.InvoiceLine;
import fr.marelle.billing.invoice.Issuer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentRendererTest {

    static final BilledTo TO = new BilledTo("Madame Camille Martin", "3 rue de la Gare", "Bâtiment B", "88450",
            "Vincey");
    static final Issuer TOWN = new Issuer("Ville de Vincey", "contact@vincey.fr");

    static InvoiceIssued invoice(String number) {
        List<LocalDate> days = List.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2), LocalDate.of(2026, 9, 4));
        return new InvoiceIssued(UUID.fromString("1f1f1f1f-2e2e-4d3d-8c4c-5b5b6a6a7979"), number, "family",
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), TO, TOWN, List.of(
                new InvoiceLine(0, "lea", "Léa Martin", "canteen", "Restauration scolaire", ChargeKind.BOOKED, 385, 3,
                        1155, days, List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())),
                new InvoiceLine(1, "lea", "Léa Martin", "evening", "Garderie soir", ChargeKind.UNBOOKED, 290, 1, 290,
                        List.of(LocalDate.of(2026, 9, 3)), List.of(UUID.randomUUID()))),
                1445, Instant.parse("2026-10-01T02:00:00Z"));
    }

    @Test
    void the_same_invoice_always_renders_to_the_same_bytes() throws Exception {
        byte[] first = DocumentRenderer.invoice(invoice("FAC-2026-000042"));
        Thread.sleep(1_100); // a renderer that wrote "now" would differ by then
        byte[] second = DocumentRenderer.invoice(invoice("FAC-2026-000042"));
        assertThat(second).isEqualTo(first);
        assertThat(DocumentRenderer.sha256(second)).isEqualTo(DocumentRenderer.sha256(first));
        assertThat(DocumentRenderer.invoice(invoice("FAC-2026-000043"))).isNotEqualTo(first);
    }

    @Test
    void an_invoice_shows_its_number_addressee_lines_and_exact_total_in_french() throws IOException {
        String text = text(DocumentRenderer.invoice(invoice("FAC-2026-000042")));
        assertThat(text).contains("Facture n° FAC-2026-000042", "Ville de Vincey", "Madame Camille Martin",
                "3 rue de la Gare", "88450 Vincey", "septembre 2026", "Restauration scolaire", "Léa Martin",
                "3,85 €", "11,55 €", "présence sans réservation", "14,45 €", "01, 02, 04/09/2026");
    }

    @Test
    void a_credit_note_names_its_invoice_and_reason() throws IOException {
        CreditNoteIssued note = new CreditNoteIssued(UUID.randomUUID(), "AV-2026-000003",
                UUID.randomUUID(), "FAC-2026-000042", "family", "Journée comptée deux fois", TO, TOWN,
                List.of(new CreditNoteLine(0, "Léa Martin", "Restauration scolaire", 385, 1, 385)), 385,
                Instant.parse("2026-10-03T09:12:00Z"));
        String text = text(DocumentRenderer.creditNote(note));
        assertThat(text).contains("Avoir n° AV-2026-000003", "FAC-2026-000042", "Journée comptée deux fois", "3,85");
    }

    @Test
    void days_are_grouped_by_month() {
        assertThat(DocumentRenderer.days(List.of(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 9, 30),
                LocalDate.of(2026, 10, 1)))).isEqualTo("30/09/2026 ; 01, 02/10/2026");
    }

    static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        // cells wrap their text: compare words, not line breaks
        return text.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }
}
