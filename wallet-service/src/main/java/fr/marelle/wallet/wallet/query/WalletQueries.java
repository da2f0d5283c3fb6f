package fr.marelle.wallet.wallet.query;

import fr.marelle.wallet.wallet.WalletRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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

    private final JdbcClient jdbc;

    WalletQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public WalletView wallet(UUID familyId) {
        return jdbc.sql("""
                        SELECT family_id, main_balance_cents, cesu_balance_cents, upcoming_main_cents,
                               upcoming_cesu_cents, low_balance_threshold_cents, last_sequence AS version, updated_at
                        FROM rm_wallet WHERE family_id = ?""")
                .param(familyId).query(WalletView.class).optional().orElseGet(() -> WalletView.empty(familyId));
    }

    /** Newest first; {@code before}: the sequence of the last movement of the previous page. */
    public List<MovementView> movements(UUID familyId, Long before, int limit) {
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
