package fr.marelle.billing.run;

import fr.marelle.billing.Cents;
import fr.marelle.billing.invoice.InvoiceIssuing;
import fr.marelle.billing.config.BillingProperties;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import fr.marelle.platform.errors.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Month end: staff ask for the month's invoices; every family with settled charges not yet invoiced gets its invoice,
 * each in its own short transaction, on a few threads, out of the HTTP request. The run records its progress; a run
 * that a restart interrupted is marked so, and running the month again issues only what is missing (one invoice per
 * family and month, a charge on one invoice at most).
 */
@Service
public class InvoiceRuns {

    private static final Logger log = LoggerFactory.getLogger(InvoiceRuns.class);

    public record Run(UUID runId, LocalDate periodStart, String status, String requestedBy, OffsetDateTime startedAt,
                      OffsetDateTime finishedAt, int families, int issued, int skipped, int failed, long totalCents,
                      String lastError, long documentsRendered, long invoicesOfPeriod) {
    }

    private final JdbcClient jdbc;
    private final InvoiceIssuing issuing;
    private final BillingProperties properties;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> daemon(r, "invoice-run"));

    InvoiceRuns(JdbcClient jdbc, InvoiceIssuing issuing, BillingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.issuing = issuing;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts the month's invoicing for the actor (finance or administrator); answers the run's id at once. */
    public UUID start(YearMonth period, Actor actor, String correlationId) {
        LocalDate today = LocalDate.now(clock.withZone(Cents.PARIS));
        if (!period.atEndOfMonth().isBefore(today)) {
            throw DomainException.rule("INVOICE_PERIOD_NOT_OVER",
                    "Les factures d'un mois s'émettent une fois le mois terminé.");
        }
        UUID runId = UUID.randomUUID();
        try {
            jdbc.sql("""
                            INSERT INTO invoice_run (run_id, period_start, status, requested_by, requested_role,
                                started_at)
                            VALUES (?, ?, 'RUNNING', ?, ?, ?)""")
                    .params(runId, period.atDay(1), actor.id(), actor.role().name(), Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("INVOICE_RUN_IN_PROGRESS",
                    "L'émission des factures de ce mois est déjà en cours.");
        }
        runner.submit(() -> ActorContext.runAs(actor, correlationId, () -> execute(runId, period)));
        return runId;
    }

    private void execute(UUID runId, YearMonth period) {
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, properties.getInvoicingThreads()),
                r -> daemon(r, "invoice-run-worker"));
        try {
            List<String> families = jdbc.sql("""
                            SELECT DISTINCT c.family_id FROM rm_charge c
                            WHERE c.state = 'SETTLED' AND c.charge_date <= ?
                              AND NOT EXISTS (SELECT 1 FROM invoiced_charge i WHERE i.charge_id = c.charge_id)
                              AND NOT EXISTS (SELECT 1 FROM invoice_claim k
                                              WHERE k.family_id = c.family_id AND k.period_start = ?)
                            ORDER BY c.family_id""")
                    .params(period.atEndOfMonth(), period.atDay(1)).query(String.class).list();
            jdbc.sql("UPDATE invoice_run SET families = ? WHERE run_id = ?").params(families.size(), runId).update();
            AtomicInteger issued = new AtomicInteger();
            AtomicInteger skipped = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicLong total = new AtomicLong();
            ActorContext.Current current = ActorContext.current().orElseThrow();
            List<Future<?>> futures = new java.util.ArrayList<>();
            families.forEach(familyId -> futures.add(workers.submit(() ->
                    ActorContext.runAs(current.actor(), current.correlationId(), () -> {
                        try {
                            issuing.issue(familyId, period).ifPresentOrElse(invoice -> {
                                issued.incrementAndGet();
                                total.addAndGet(invoice.totalCents());
                            }, skipped::incrementAndGet);
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                            log.error("Invoice of family {} for {} not issued", familyId, period, e);
                            jdbc.sql("UPDATE invoice_run SET last_error = ? WHERE run_id = ?")
                                    .params(familyId + " : " + e.getMessage(), runId).update();
                        }
                        int done = issued.get() + skipped.get() + failed.get();
                        if (done % 250 == 0) {
                            progress(runId, issued, skipped, failed, total);
                        }
                    }))));
            for (Future<?> future : futures) {
                future.get();
            }
            progress(runId, issued, skipped, failed, total);
            jdbc.sql("UPDATE invoice_run SET status = ?, finished_at = ? WHERE run_id = ?")
                    .params(failed.get() == 0 ? "COMPLETED" : "INCOMPLETE", Timestamp.from(clock.instant()), runId)
                    .update();
            log.info("Invoices of {}: {} issued, {} skipped, {} failed, {} in total", period, issued, skipped, failed,
                    Cents.euros(total.get()));
        } catch (Exception e) {
            log.error("Invoice run {} for {} failed", runId, period, e);
            jdbc.sql("UPDATE invoice_run SET status = 'FAILED', finished_at = ?, last_error = ? WHERE run_id = ?")
                    .params(Timestamp.from(clock.instant()), String.valueOf(e.getMessage()), runId).update();
        } finally {
            workers.shutdown();
        }
    }

    private void progress(UUID runId, AtomicInteger issued, AtomicInteger skipped, AtomicInteger failed,
                          AtomicLong total) {
        jdbc.sql("UPDATE invoice_run SET issued = ?, skipped = ?, failed = ?, total_cents = ? WHERE run_id = ?")
                .params(issued.get(), skipped.get(), failed.get(), total.get(), runId).update();
    }

    private static final String RUN = """
            SELECT r.run_id, r.period_start, r.status, r.requested_by, r.started_at, r.finished_at, r.families,
                   r.issued, r.skipped, r.failed, r.total_cents, r.last_error,
                   (SELECT count(*) FROM invoice_claim k JOIN invoice_document d ON d.document_id = k.invoice_id
                    WHERE k.period_start = r.period_start) AS documents_rendered,
                   (SELECT count(*) FROM rm_invoice i WHERE i.period_start = r.period_start) AS invoices_of_period
            FROM invoice_run r""";

    public Optional<Run> run(UUID runId) {
        return jdbc.sql(RUN + " WHERE r.run_id = ?").param(runId).query(Run.class).optional();
    }

    public List<Run> recent(int limit) {
        return jdbc.sql(RUN + " ORDER BY r.started_at DESC LIMIT ?").param(limit).query(Run.class).list();
    }

    /** A run this process was doing when it stopped will never finish: say so (running the month again completes it). */
    @EventListener(ApplicationReadyEvent.class)
    void markInterruptedRuns() {
        int interrupted = jdbc.sql("UPDATE invoice_run SET status = 'INTERRUPTED', finished_at = ? "
                        + "WHERE status = 'RUNNING'")
                .param(Timestamp.from(clock.instant())).update();
        if (interrupted > 0) {
            log.warn("{} invoice run(s) interrupted by the last stop: run the month again to finish", interrupted);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
