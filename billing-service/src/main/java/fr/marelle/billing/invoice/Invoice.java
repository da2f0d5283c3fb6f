package fr.marelle.billing.invoice;

import fr.marelle.billing.Cents;
import fr.marelle.billing.invoice.InvoiceCommands.CreditedUnits;
import fr.marelle.billing.invoice.InvoiceCommands.IssueCreditNote;
import fr.marelle.billing.invoice.InvoiceCommands.IssueInvoice;
import fr.marelle.billing.invoice.InvoiceEvents.CreditNoteIssued;
import fr.marelle.billing.invoice.InvoiceEvents.InvoiceIssued;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An invoice: issued once with its number and lines, never changed nor deleted. A mistake is corrected by credit
 * notes, which together never credit more than each line invoiced.
 */
@Aggregate
public class Invoice {

    @AggregateIdentifier
    private UUID invoiceId;
    private String number;
    private String familyId;
    private BilledTo billedTo;
    private List<InvoiceLine> lines;
    private final Map<Integer, Integer> credited = new HashMap<>();
    private final Set<UUID> creditNotes = new HashSet<>();

    protected Invoice() {
    }

    @CommandHandler
    public Invoice(IssueInvoice command) {
        InvoiceRules.isNumbered(command.number(), false);
        long total = InvoiceRules.linesAddUp(command.lines());
        apply(new InvoiceIssued(command.invoiceId(), command.number(), command.familyId(), command.periodStart(),
                command.periodEnd(), command.billedTo(), command.issuer(), List.copyOf(command.lines()), total,
                command.issuedAt()));
    }

    /** Answers the credited total. */
    @CommandHandler
    long handle(IssueCreditNote command) {
        if (creditNotes.contains(command.creditNoteId())) {
            return 0;
        }
        InvoiceRules.isNumbered(command.number(), true);
        InvoiceRules.reasonGiven(command.reason());
        if (command.lines() == null || command.lines().isEmpty()) {
            throw DomainException.rule("CREDIT_NOTE_EMPTY", "Un avoir crédite au moins une ligne de la facture.");
        }
        Map<Integer, Integer> thisNote = new HashMap<>();
        List<CreditNoteLine> noteLines = new ArrayList<>();
        long total = 0;
        for (CreditedUnits units : command.lines()) {
            if (units.lineIndex() < 0 || units.lineIndex() >= lines.size()) {
                throw DomainException.rule("CREDIT_NOTE_LINE_UNKNOWN", "Cette ligne n'existe pas sur la facture.");
            }
            InvoiceLine line = lines.get(units.lineIndex());
            int before = credited.getOrDefault(line.index(), 0) + thisNote.getOrDefault(line.index(), 0);
            InvoiceRules.withinTheInvoice(units.quantity(), before, line.quantity());
            thisNote.merge(line.index(), units.quantity(), Integer::sum);
            long amount = Cents.times(line.unitPriceCents(), units.quantity());
            noteLines.add(new CreditNoteLine(line.index(), line.childName(), line.serviceName(),
                    line.unitPriceCents(), units.quantity(), amount));
            total = Math.addExact(total, amount);
        }
        apply(new CreditNoteIssued(command.creditNoteId(), command.number(), invoiceId, number, familyId,
                command.reason().strip(), billedTo, command.issuer(), noteLines, total, command.issuedAt()));
        return total;
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        invoiceId = event.invoiceId();
        number = event.number();
        familyId = event.familyId();
        billedTo = event.billedTo();
        lines = event.lines();
    }

    @EventSourcingHandler
    void on(CreditNoteIssued event) {
        creditNotes.add(event.creditNoteId());
        event.lines().forEach(l -> credited.merge(l.invoiceLineIndex(), l.quantity(), Integer::sum));
    }
}
