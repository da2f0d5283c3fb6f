package fr.marelle.billing.invoice;

import fr.marelle.billing.charge.ChargeKind;
import fr.marelle.billing.invoice.InvoiceCommands.CreditedUnits;
import fr.marelle.billing.invoice.InvoiceCommands.IssueCreditNote;
import fr.marelle.billing.invoice.InvoiceCommands.IssueInvoice;
import fr.marelle.billing.invoice.InvoiceEvents.CreditNoteIssued;
import fr.marelle.billing.invoice.InvoiceEvents.InvoiceIssued;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

class InvoiceTest {

    static final UUID INVOICE = UUID.randomUUID();
    static final String FAMILY = "5b0f7c1e-2f55-4d3a-9d53-1c1b7f0e9a01";
    static final BilledTo TO = new BilledTo("Madame Camille Martin", "3 rue de la Gare", null, "88450", "Vincey");
    static final Issuer TOWN = new Issuer("Ville de Vincey", "contact@vincey.fr");
    static final Instant AT = Instant.parse("2026-10-01T02:00:00Z");
    static final LocalDate START = LocalDate.of(2026, 9, 1);
    static final LocalDate END = LocalDate.of(2026, 9, 30);

    static InvoiceLine line(int index, long unit, int quantity) {
        List<LocalDate> dates = java.util.stream.IntStream.rangeClosed(1, quantity)
                .mapToObj(d -> LocalDate.of(2026, 9, d)).toList();
        List<UUID> ids = dates.stream().map(d -> UUID.randomUUID()).toList();
        return new InvoiceLine(index, "lea", "Léa Martin", "canteen", "Restauration scolaire", ChargeKind.BOOKED,
                unit, quantity, unit * quantity, dates, ids);
    }

    static final List<InvoiceLine> LINES = List.of(line(0, 385, 16), line(1, 190, 3));

    static InvoiceIssued issued() {
        return new InvoiceIssued(INVOICE, "FAC-2026-000042", FAMILY, START, END, TO, TOWN, LINES, 6160 + 570, AT);
    }

    AggregateTestFixture<Invoice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
    }

    @Nested
    class Issuing {
        @Test
        void the_total_is_the_exact_sum_of_its_lines() {
            fixture.givenNoPriorActivity()
                    .when(new IssueInvoice(INVOICE, "FAC-2026-000042", FAMILY, START, END, TO, TOWN, LINES, AT))
                    .expectEvents(issued());
        }

        @Test
        void refuses_a_line_that_is_not_its_unit_price_times_its_quantity() {
            InvoiceLine rounded = new InvoiceLine(0, "lea", "Léa", "canteen", "Cantine", ChargeKind.BOOKED, 333, 3,
                    1000, List.of(START, START.plusDays(1), START.plusDays(2)),
                    List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
            fixture.givenNoPriorActivity()
                    .when(new IssueInvoice(INVOICE, "FAC-2026-000042", FAMILY, START, END, TO, TOWN, List.of(rounded),
                            AT))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Une ligne de facture est son prix unitaire multiplié par sa quantité.");
        }

        @Test
        void refuses_an_invoice_without_lines_or_number() {
            fixture.givenNoPriorActivity()
                    .when(new IssueInvoice(INVOICE, "FAC-2026-000042", FAMILY, START, END, TO, TOWN, List.of(), AT))
                    .expectException(DomainException.class);
            fixture.givenNoPriorActivity()
                    .when(new IssueInvoice(INVOICE, "42", FAMILY, START, END, TO, TOWN, LINES, AT))
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class CreditNotes {
        final UUID note = UUID.randomUUID();

        @Test
        void a_mistake_is_corrected_by_a_credit_note_with_a_reason() {
            fixture.given(issued())
                    .when(new IssueCreditNote(INVOICE, note, "AV-2026-000003", " Journée comptée deux fois ",
                            List.of(new CreditedUnits(1, 1)), TOWN, AT))
                    .expectEvents(new CreditNoteIssued(note, "AV-2026-000003", INVOICE, "FAC-2026-000042", FAMILY,
                            "Journée comptée deux fois", TO, TOWN,
                            List.of(new CreditNoteLine(1, "Léa Martin", "Restauration scolaire", 190, 1, 190)),
                            190, AT))
                    .expectResultMessagePayload(190L);
        }

        @Test
        void a_credit_note_needs_a_reason() {
            fixture.given(issued())
                    .when(new IssueCreditNote(INVOICE, note, "AV-2026-000003", "  ", List.of(new CreditedUnits(1, 1)),
                            TOWN, AT))
                    .expectException(DomainException.class);
        }

        @Test
        void credit_notes_never_credit_more_than_the_line_invoiced() {
            fixture.given(issued(), new CreditNoteIssued(UUID.randomUUID(), "AV-2026-000001", INVOICE,
                            "FAC-2026-000042", FAMILY, "Erreur", TO, TOWN,
                            List.of(new CreditNoteLine(1, "Léa Martin", "Restauration scolaire", 190, 2, 380)), 380,
                            AT))
                    .when(new IssueCreditNote(INVOICE, note, "AV-2026-000002", "Encore", List.of(
                            new CreditedUnits(1, 2)), TOWN, AT))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Un avoir ne peut pas dépasser ce qui a été facturé sur la ligne "
                            + "(1 restant).");
        }

        @Test
        void refuses_a_line_the_invoice_does_not_have() {
            fixture.given(issued())
                    .when(new IssueCreditNote(INVOICE, note, "AV-2026-000003", "Erreur",
                            List.of(new CreditedUnits(7, 1)), TOWN, AT))
                    .expectException(DomainException.class);
        }
    }
}
