package fr.marelle.billing.invoice;

import fr.marelle.billing.Cents;
import fr.marelle.billing.charge.ChargeKind;
import fr.marelle.billing.config.BillingProperties;
import fr.marelle.billing.directory.BillingDirectory;
import fr.marelle.billing.invoice.InvoiceCommands.CreditedUnits;
import fr.marelle.billing.invoice.InvoiceCommands.IssueCreditNote;
import fr.marelle.billing.invoice.InvoiceCommands.IssueInvoice;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues invoices and credit notes. One family's invoice is one short transaction: the family is claimed for the
 * period, its settled charges not yet invoiced are claimed for the invoice (a charge is on one invoice at most),
 * the number is taken last (its series' row stays locked only until commit), and the invoice is issued. Anything
 * failing rolls all of it back, the number included: numbers have no gap.
 */
@Service
public class InvoiceIssuing {

    public record Issued(UUID invoiceId, String number, long totalCents) {
    }

    private record ChargeRow(UUID chargeId, String childId, String childName, String serviceId, String serviceName,
                             String kind, long unitPriceCents, int quantity, LocalDate chargeDate) {
    }

    private final JdbcClient jdbc;
    private final DocumentNumbers numbers;
    private final CommandGateway commands;
    private final BillingDirectory directory;
    private final BillingProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InvoiceIssuing(JdbcClient jdbc, DocumentNumbers numbers, CommandGateway commands, BillingDirectory directory,
                   BillingProperties properties, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.commands = commands;
        this.directory = directory;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The family's invoice for the month: every settled charge up to the month's last day not yet invoiced (late
     * ones from earlier months included). Empty when the family already has its invoice for the month, or owes
     * nothing.
     */
    public Optional<Issued> issue(String familyId, YearMonth period) {
        return transactions.execute(status -> {
            UUID invoiceId = UUID.randomUUID();
            LocalDate start = period.atDay(1);
            LocalDate end = period.atEndOfMonth();
            int claimed = jdbc.sql("INSERT INTO invoice_claim (family_id, period_start, invoice_id) VALUES (?, ?, ?) "
                            + "ON CONFLICT DO NOTHING")
                    .params(familyId, start, invoiceId).update();
            if (claimed == 0) {
                return Optional.<Issued>empty();
            }
            jdbc.sql("""
                            INSERT INTO invoiced_charge (charge_id, invoice_id)
                            SELECT c.charge_id, ? FROM rm_charge c
                            WHERE c.family_id = ? AND c.state = 'SETTLED' AND c.charge_date <= ?
                            ON CONFLICT (charge_id) DO NOTHING""")
                    .params(invoiceId, familyId, end).update();
            List<ChargeRow> charges = jdbc.sql("""
                            SELECT c.charge_id, c.child_id,
                                   coalesce(nullif(trim(concat_ws(' ', ch.first_name, ch.last_name)), ''), 'Enfant')
                                       AS child_name,
                                   c.service_id, coalesce(s.name, c.service_id) AS service_name, c.kind,
                                   c.unit_price_cents, c.quantity, c.charge_date
                            FROM invoiced_charge i JOIN rm_charge c ON c.charge_id = i.charge_id
                            LEFT JOIN ref_child ch ON ch.child_id = c.child_id
                            LEFT JOIN ref_service s ON s.service_id = c.service_id
                            WHERE i.invoice_id = ?""")
                    .param(invoiceId)
                    // an explicit mapper: the reflective record mapper cost a fifth of month end's issuing time
                    .query((rs, n) -> new ChargeRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getInt(8),
                            rs.getObject(9, LocalDate.class)))
                    .list();
            if (charges.isEmpty()) {
                status.setRollbackOnly(); // nothing owed: no invoice, and the claim goes away
                return Optional.<Issued>empty();
            }
            List<InvoiceLine> lines = lines(charges);
            long total = lines.stream().mapToLong(InvoiceLine::amountCents).sum();
            Instant now = clock.instant();
            String number = numbers.next(DocumentNumbers.INVOICE, now.atZone(Cents.PARIS).getYear());
            commands.sendAndWait(new IssueInvoice(invoiceId, number, familyId, start, end,
                    directory.billedTo(familyId), properties.issuer(), lines, now));
            return Optional.of(new Issued(invoiceId, number, total));
        });
    }

    /** A credit note on an invoice, numbered in the same transaction. */
    public Issued creditNote(UUID invoiceId, String reason, List<CreditedUnits> lines) {
        return transactions.execute(status -> {
            UUID creditNoteId = UUID.randomUUID();
            Instant now = clock.instant();
            String number = numbers.next(DocumentNumbers.CREDIT_NOTE, now.atZone(Cents.PARIS).getYear());
            Long total = commands.sendAndWait(new IssueCreditNote(invoiceId, creditNoteId, number, reason, lines,
                    properties.issuer(), now));
            return new Issued(creditNoteId, number, total == null ? 0 : total);
        });
    }

    /**
     * Lines: one per child, service, kind and unit price, with its days — the unit price times the number of days.
     */
    static List<InvoiceLine> lines(List<ChargeRow> charges) {
        record Key(String childId, String serviceId, String kind, long unit) {
        }
        Map<Key, List<ChargeRow>> groups = new LinkedHashMap<>();
        charges.stream()
                .sorted(Comparator.comparing(ChargeRow::childName).thenComparing(ChargeRow::childId)
                        .thenComparing(ChargeRow::serviceName).thenComparing(ChargeRow::kind)
                        .thenComparingLong(ChargeRow::unitPriceCents).thenComparing(ChargeRow::chargeDate))
                .forEach(c -> groups.computeIfAbsent(new Key(c.childId(), c.serviceId(), c.kind(), c.unitPriceCents()),
                        k -> new ArrayList<>()).add(c));
        List<InvoiceLine> lines = new ArrayList<>();
        for (List<ChargeRow> group : groups.values()) {
            ChargeRow first = group.get(0);
            int quantity = group.stream().mapToInt(ChargeRow::quantity).sum();
            List<LocalDate> dates = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            for (ChargeRow c : group) {
                for (int i = 0; i < c.quantity(); i++) {
                    dates.add(c.chargeDate());
                    ids.add(c.chargeId());
                }
            }
            lines.add(new InvoiceLine(lines.size(), first.childId(), first.childName(), first.serviceId(),
                    first.serviceName(), ChargeKind.valueOf(first.kind()), first.unitPriceCents(), quantity,
                    Cents.times(first.unitPriceCents(), quantity), dates, ids));
        }
        return lines;
    }
}
