package fr.marelle.wallet.wallet.query;

import fr.marelle.platform.audit.AuditMetadata;
import fr.marelle.wallet.wallet.Balances;
import fr.marelle.wallet.wallet.ChargeLine;
import fr.marelle.wallet.wallet.FamilyId;
import fr.marelle.wallet.wallet.Money;
import fr.marelle.wallet.wallet.Pocket;
import fr.marelle.wallet.wallet.WalletEvents.ChargeDebited;
import fr.marelle.wallet.wallet.WalletEvents.ChargesReleased;
import fr.marelle.wallet.wallet.WalletEvents.ChargesReserved;
import fr.marelle.wallet.wallet.WalletEvents.LowBalanceThresholdChanged;
import fr.marelle.wallet.wallet.WalletEvents.WalletCredited;
import fr.marelle.wallet.wallet.WalletEvents.WalletOpened;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The wallets as parents and staff see them: the four figures, the reservations ("à venir") and the history of every
 * movement with its balances after. Idempotent: a movement is inserted once, and a wallet's figures are replaced only
 * by those of a later event of that wallet.
 */
@Component
@ProcessingGroup(WalletProjection.GROUP)
@ProjectionTables({"rm_wallet", "rm_wallet_movement", "rm_wallet_reservation"})
class WalletProjection {

    static final String GROUP = "wallet-view";

    private final JdbcClient jdbc;

    WalletProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WalletOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO rm_wallet (family_id, main_balance_cents, cesu_balance_cents, upcoming_main_cents,
                            upcoming_cesu_cents, low_balance_threshold_cents, last_sequence, updated_at)
                        VALUES (?, 0, 0, 0, 0, ?, ?, ?) ON CONFLICT (family_id) DO NOTHING""")
                .params(event.familyId().value(), event.lowBalanceThreshold().cents(), sequence, utc(at))
                .update();
    }

    @EventHandler
    void on(ChargesReserved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        for (ChargeLine charge : event.charges()) {
            jdbc.sql("""
                            INSERT INTO rm_wallet_reservation (charge_id, family_id, child_id, service_id,
                                service_date, amount_cents, cesu_eligible)
                            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (charge_id) DO NOTHING""")
                    .params(charge.chargeId(), event.familyId().value(), charge.childId(), charge.serviceId(),
                            charge.date(), charge.amount().cents(), charge.cesuEligible())
                    .update();
        }
        balances(event.familyId(), event.balances(), sequence, at);
    }

    @EventHandler
    void on(ChargesReleased event, @SequenceNumber long sequence, @Timestamp Instant at) {
        event.charges().forEach(c -> jdbc.sql("DELETE FROM rm_wallet_reservation WHERE charge_id = ?")
                .param(c.chargeId()).update());
        balances(event.familyId(), event.balances(), sequence, at);
    }

    @EventHandler
    void on(ChargeDebited event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_ID) String actorId,
            @MetaDataValue(AuditMetadata.ACTOR_ROLE) String actorRole) {
        ChargeLine charge = event.charge();
        jdbc.sql("DELETE FROM rm_wallet_reservation WHERE charge_id = ?").param(charge.chargeId()).update();
        jdbc.sql("""
                        INSERT INTO rm_wallet_movement (movement_id, family_id, sequence, occurred_at, kind, main_cents,
                            cesu_cents, main_balance_cents, cesu_balance_cents, charge_id, child_id, service_id,
                            service_date, actor_id, actor_role)
                        VALUES (?, ?, ?, ?, 'CHARGE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (movement_id) DO NOTHING""")
                .params(event.movementId().value(), event.familyId().value(), sequence, utc(at),
                        -event.fromMain().cents(), -event.fromCesu().cents(), event.balances().main().cents(),
                        event.balances().cesu().cents(), charge.chargeId(), charge.childId(), charge.serviceId(),
                        charge.date(), actorId, actorRole)
                .update();
        balances(event.familyId(), event.balances(), sequence, at);
    }

    @EventHandler
    void on(WalletCredited event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_ID) String actorId,
            @MetaDataValue(AuditMetadata.ACTOR_ROLE) String actorRole) {
        Money amount = event.amount();
        jdbc.sql("""
                        INSERT INTO rm_wallet_movement (movement_id, family_id, sequence, occurred_at, kind, main_cents,
                            cesu_cents, main_balance_cents, cesu_balance_cents, reference, issuer, reason, actor_id,
                            actor_role)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (movement_id) DO NOTHING""")
                .params(event.movementId().value(), event.familyId().value(), sequence, utc(at), event.kind().name(),
                        event.pocket() == Pocket.MAIN ? amount.cents() : 0,
                        event.pocket() == Pocket.CESU ? amount.cents() : 0,
                        event.balances().main().cents(), event.balances().cesu().cents(), event.reference(),
                        event.issuer(), event.reason(), actorId, actorRole)
                .update();
        balances(event.familyId(), event.balances(), sequence, at);
    }

    @EventHandler
    void on(LowBalanceThresholdChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("UPDATE rm_wallet SET low_balance_threshold_cents = ?, last_sequence = ?, updated_at = ? "
                        + "WHERE family_id = ? AND last_sequence < ?")
                .params(event.threshold().cents(), sequence, utc(at), event.familyId().value(), sequence)
                .update();
    }

    private void balances(FamilyId familyId, Balances balances, long sequence, Instant at) {
        jdbc.sql("""
                        UPDATE rm_wallet SET main_balance_cents = ?, cesu_balance_cents = ?, upcoming_main_cents = ?,
                            upcoming_cesu_cents = ?, last_sequence = ?, updated_at = ?
                        WHERE family_id = ? AND last_sequence < ?""")
                .params(balances.main().cents(), balances.cesu().cents(), balances.upcomingMain().cents(),
                        balances.upcomingCesu().cents(), sequence, utc(at), familyId.value(), sequence)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_wallet, rm_wallet_movement, rm_wallet_reservation").update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
