package fr.marelle.wallet.wallet.query;

import fr.marelle.wallet.wallet.WalletRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Reads of the wallets: figures, history, what is to come. A wallet nothing happened to yet is all zeros. */
@Component
public class WalletQueries {

    public record WalletView(UUID familyId, long mainBalanceCents, long cesuBalanceCents, long upcomingMainCents,
                             long upcomingCesuCents, long lowBalanceThresholdCents, long version,
                             OffsetDateTime updatedAt) {

        static WalletView empty(UUID familyId) {
            return new WalletView(familyId, 0, 0, 0, 0, WalletRules.DEFAULT_LOW_BALANCE_THRESHOLD.cents(), -1, null);
        }
    }

    /**
     * One movement: a charge (what it paid for: the service, the day, the child) or money in (its kind, reference,
     * issuer, reason), with the signed change of each balance and the balances after it.
     */
    public record MovementView(UUID movementId, long sequence, OffsetDateTime occurredAt, String kind, long mainCents,
                               long cesuCents, long mainBalanceCents, long cesuBalanceCents, String reference,
                               String issuer, String reason, String chargeId, String childId, String childFirstName,
                               String serviceId, String serviceName, LocalDate serviceDate, String actorId,
                               String actorRole) {
    }

    public record ReservationView(String chargeId, String childId, String childFirstName, String serviceId,
                                  String serviceName, LocalDate serviceDate, long amountCents, boolean cesuEligible) {
    }

    /** The wallets below zero: how many, and the first {@code limit} of them, the most negative first. */
    public record Overdrawn(long count, List<WalletView> wallets) {
    }

    /**
     * Money in and out of the wallets in one month (Paris time), in cents. In: what families paid in, by kind (card
     * top-ups, CESU cheques, cash, cheques). Out: the charges debited. Refunds (money the town gives back into a
     * wallet) and adjustments (corrections either way) are neither: they are given apart, signed as they moved the
     * balances.
     */
    public record MonthFlow(YearMonth month, long topUpCents, long cesuChequeCents, long cashCents, long chequeCents,
                            long inCents, long debitedCents, long refundCents, long adjustmentCents) {
    }

    private final JdbcClient jdbc;

    WalletQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public WalletView wallet(UUID familyId) {
        return wallet(jdbc, familyId);
    }

    public List<MovementView> movements(UUID familyId, Long before, int limit) {
        return movements(jdbc, familyId, before, limit);
    }

    public Overdrawn overdrawn(int limit) {
        long count = jdbc.sql("SELECT count(*) FROM rm_wallet WHERE main_balance_cents < 0").query(Long.class)
                .single();
        List<WalletView> wallets = jdbc.sql("""
                        SELECT family_id, main_balance_cents, cesu_balance_cents, upcoming_main_cents,
                               upcoming_cesu_cents, low_balance_threshold_cents, last_sequence AS version, updated_at
                        FROM rm_wallet WHERE main_balance_cents < 0
                        ORDER BY main_balance_cents, family_id LIMIT ?""")
                .param(limit).query(WalletView.class).list();
        return new Overdrawn(count, wallets);
    }

    /** Every month from {@code from}'s to {@code to}'s, those without movements included, over the days asked. */
    public List<MonthFlow> flows(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        WITH months AS (
                            SELECT generate_series(date_trunc('month', CAST(:from AS timestamp)),
                                                   date_trunc('month', CAST(:to AS timestamp)),
                                                   interval '1 month') AS month
                        ), moved AS (
                            SELECT date_trunc('month', occurred_at AT TIME ZONE 'Europe/Paris') AS month, kind,
                                   main_cents + cesu_cents AS cents
                            FROM rm_wallet_movement
                            WHERE occurred_at >= CAST(:from AS timestamp) AT TIME ZONE 'Europe/Paris'
                              AND occurred_at < CAST(:after AS timestamp) AT TIME ZONE 'Europe/Paris'
                        )
                        SELECT to_char(m.month, 'YYYY-MM') AS month,
                               coalesce(sum(cents) FILTER (WHERE kind = 'TOP_UP'), 0) AS top_up_cents,
                               coalesce(sum(cents) FILTER (WHERE kind = 'CESU_CHEQUE'), 0) AS cesu_cheque_cents,
                               coalesce(sum(cents) FILTER (WHERE kind = 'CASH'), 0) AS cash_cents,
                               coalesce(sum(cents) FILTER (WHERE kind = 'CHEQUE'), 0) AS cheque_cents,
                               coalesce(sum(cents) FILTER (WHERE kind IN ('TOP_UP', 'CESU_CHEQUE', 'CASH', 'CHEQUE')),
                                        0) AS in_cents,
                               coalesce(-sum(cents) FILTER (WHERE kind = 'CHARGE'), 0) AS debited_cents,
                               coalesce(sum(cents) FILTER (WHERE kind = 'REFUND'), 0) AS refund_cents,
                               coalesce(sum(cents) FILTER (WHERE kind = 'ADJUSTMENT'), 0) AS adjustment_cents
                        FROM months m LEFT JOIN moved ON moved.month = m.month
                        GROUP BY m.month ORDER BY m.month""")
                .param("from", from.atStartOfDay()).param("to", to.atStartOfDay())
                .param("after", to.plusDays(1).atStartOfDay())
                .query((rs, row) -> new MonthFlow(YearMonth.parse(rs.getString("month")), rs.getLong("top_up_cents"),
                        rs.getLong("cesu_cheque_cents"), rs.getLong("cash_cents"), rs.getLong("cheque_cents"),
                        rs.getLong("in_cents"), rs.getLong("debited_cents"), rs.getLong("refund_cents"),
                        rs.getLong("adjustment_cents")))
                .list();
    }

    /** A wallet's figures in {@code jdbc}'s read model: the live one, or one the audit console rebuilt. */
    static WalletView wallet(JdbcClient jdbc, UUID familyId) {
        return jdbc.sql("""
                        SELECT family_id, main_balance_cents, cesu_balance_cents, upcoming_main_cents,
                               upcoming_cesu_cents, low_balance_threshold_cents, last_sequence AS version, updated_at
                        FROM rm_wallet WHERE family_id = ?""")
                .param(familyId).query(WalletView.class).optional().orElseGet(() -> WalletView.empty(familyId));
    }

    /** Newest first; {@code before}: the sequence of the last movement of the previous page. */
    static List<MovementView> movements(JdbcClient jdbc, UUID familyId, Long before, int limit) {
        return jdbc.sql("""
                        SELECT m.movement_id, m.sequence, m.occurred_at, m.kind, m.main_cents, m.cesu_cents,
                               m.main_balance_cents, m.cesu_balance_cents, m.reference, m.issuer, m.reason, m.charge_id,
                               m.child_id, c.first_name AS child_first_name, m.service_id, s.name AS service_name,
                               m.service_date, m.actor_id, m.actor_role
                        FROM rm_wallet_movement m
                        LEFT JOIN directory_child c ON c.child_id = m.child_id
                        LEFT JOIN directory_service s ON s.service_id = m.service_id
                        WHERE m.family_id = ? AND m.sequence < ?
                        ORDER BY m.sequence DESC LIMIT ?""")
                .params(familyId, before == null ? Long.MAX_VALUE : before, limit)
                .query(MovementView.class).list();
    }

    public List<ReservationView> reservations(UUID familyId) {
        return jdbc.sql("""
                        SELECT r.charge_id, r.child_id, c.first_name AS child_first_name, r.service_id,
                               s.name AS service_name, r.service_date, r.amount_cents, r.cesu_eligible
                        FROM rm_wallet_reservation r
                        LEFT JOIN directory_child c ON c.child_id = r.child_id
                        LEFT JOIN directory_service s ON s.service_id = r.service_id
                        WHERE r.family_id = ?
                        ORDER BY r.service_date, r.charge_id""")
                .param(familyId).query(ReservationView.class).list();
    }
}
