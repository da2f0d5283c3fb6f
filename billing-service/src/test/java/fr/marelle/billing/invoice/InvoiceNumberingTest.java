package fr.marelle.billing.invoice;

import fr.marelle.billing.BillingTestSupport;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoice numbers under concurrency, on the real database: eight issuers at once, every family asked twice, some
 * issues failing after their number was taken. The numbers issued are exactly 1 to N — no gap, no duplicate — and a
 * family gets one invoice for the month, its charges on it once.
 */
class InvoiceNumberingTest extends BillingTestSupport {

    /** A year no other test issues in: its series is this test's alone. */
    static final int YEAR = 2031;
    static final YearMonth JANUARY = YearMonth.of(YEAR, 1);

    @Autowired
    InvoiceIssuing issuing;
    @Autowired
    JdbcClient jdbc;

    /** Settled charges as the ledger read model holds them (the issuing transaction's input). */
    void settled(String familyId, int days, int quantity) {
        for (int day = 1; day <= days; day++) {
            jdbc.sql("""
                            INSERT INTO rm_charge (charge_id, family_id, booking_id, child_id, service_id, charge_date,
                                kind, unit_price_cents, surcharge_cents, quantity, amount_cents, cesu_eligible,
                                quotient_familial, order_id, state, updated_at)
                            VALUES (?, ?, ?, ?, 'canteen', ?, 'BOOKED', 385, 0, ?, ?, false, 650, NULL, 'SETTLED', ?)""")
                    .params(UUID.randomUUID(), familyId, UUID.randomUUID().toString(), "child-of-" + familyId,
                            JANUARY.atDay(day), quantity, 385L * quantity, Timestamp.from(Instant.now()))
                    .update();
        }
    }

    /**
     * The charges written above stand for the ledger's rows without events behind them: removed afterwards, so that
     * the ledger stays what its events make (BillingJourneyTest's ReadModels rebuilds it and compares).
     */
    @AfterEach
    void removeChargesWithoutEvents() {
        jdbc.sql("DELETE FROM rm_charge WHERE family_id LIKE 'numbering-%'").update();
    }

    @Test
    void concurrent_issuers_take_numbers_without_gap_nor_duplicate_and_a_failed_issue_gives_its_number_back()
            throws Exception {
        clock.set(LocalDateTime.of(YEAR, 2, 1, 2, 0));
        List<String> good = IntStream.range(0, 60).mapToObj(i -> "numbering-" + UUID.randomUUID()).toList();
        List<String> failing = IntStream.range(0, 10).mapToObj(i -> "numbering-bad-" + UUID.randomUUID()).toList();
        good.forEach(f -> settled(f, 3, 1));
        // a charge of quantity 0 makes an invalid line: the invoice is refused after its number was taken
        failing.forEach(f -> settled(f, 2, 0));

        List<String> requests = new ArrayList<>();
        requests.addAll(good);
        requests.addAll(good); // every family asked twice, at the same time
        requests.addAll(failing);
        Collections.shuffle(requests);
        ExecutorService issuers = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<InvoiceIssuing.Issued> issued = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (String familyId : requests) {
            futures.add(issuers.submit(() -> {
                start.await();
                ActorContext.runAs(Actor.system("numbering-test"), null, () -> {
                    try {
                        Optional<InvoiceIssuing.Issued> invoice = issuing.issue(familyId, JANUARY);
                        invoice.ifPresent(issued::add);
                    } catch (RuntimeException e) {
                        refused.add(familyId);
                    }
                });
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
        issuers.shutdown();

        List<String> numbers = issued.stream().map(InvoiceIssuing.Issued::number).sorted().toList();
        assertThat(numbers).hasSize(good.size());
        assertThat(numbers).isEqualTo(IntStream.rangeClosed(1, good.size())
                .mapToObj(n -> String.format("FAC-%d-%06d", YEAR, n)).toList());
        assertThat(refused).containsExactlyInAnyOrderElementsOf(failing);
        assertThat(jdbc.sql("SELECT last_number FROM document_counter WHERE kind = 'FAC' AND year = ?").param(YEAR)
                .query(Long.class).single()).isEqualTo(good.size());
        // one invoice per family and month, each of its charges on it once; nothing left of the refused ones
        assertThat(jdbc.sql("SELECT count(DISTINCT family_id) FROM invoice_claim WHERE period_start = ?")
                .param(JANUARY.atDay(1)).query(Long.class).single()).isEqualTo(good.size());
        assertThat(jdbc.sql("SELECT count(*) FROM invoiced_charge i JOIN rm_charge c ON c.charge_id = i.charge_id "
                + "WHERE c.family_id LIKE 'numbering-%'").query(Long.class).single()).isEqualTo(3L * good.size());
        assertThat(jdbc.sql("SELECT count(*) FROM invoice_claim WHERE family_id LIKE 'numbering-bad-%'")
                .query(Long.class).single()).isZero();
        assertThat(issued).allSatisfy(i -> assertThat(i.totalCents()).isEqualTo(3 * 385));
    }

    @Test
    void a_number_is_only_taken_inside_the_issuing_transaction() {
        DocumentNumbers numbers = new DocumentNumbers(jdbc);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> numbers.next(DocumentNumbers.INVOICE, YEAR))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void numbers_read_as_the_town_writes_them() {
        assertThat(DocumentNumbers.format("FAC", 2026, 42)).isEqualTo("FAC-2026-000042");
        assertThat(LocalDate.of(YEAR, 1, 31)).isEqualTo(JANUARY.atEndOfMonth());
    }
}
