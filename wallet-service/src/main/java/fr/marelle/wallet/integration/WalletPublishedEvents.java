package fr.marelle.wallet.integration;

import fr.marelle.contracts.ContractType;
import fr.marelle.contracts.wallet.TopUpFailed;
import fr.marelle.contracts.wallet.TopUpSucceeded;
import fr.marelle.contracts.wallet.WalletBalanceLow;
import fr.marelle.contracts.wallet.WalletCredited;
import fr.marelle.contracts.wallet.WalletDebited;
import fr.marelle.contracts.wallet.WalletOverdrawn;
import fr.marelle.platform.integration.IntegrationEventMapper;
import fr.marelle.platform.integration.OutgoingIntegrationEvent;
import fr.marelle.wallet.payment.PaymentEvents;
import fr.marelle.wallet.wallet.WalletEvents;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The wallet context's public events, from its internal ones, keyed by family so that a family's movements and alerts
 * arrive in order: credits, debits (one per settled charge), the two alerts (once per crossing), and the outcome of
 * card payments. Reservations and releases stay internal: billing already published them.
 */
@Component
class WalletPublishedEvents implements IntegrationEventMapper {

    @Override
    public List<OutgoingIntegrationEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof WalletEvents.WalletCredited e) {
            return one(WalletCredited.TYPE, e.familyId().toString(), new WalletCredited(e.familyId().toString(),
                    e.movementId().toString(), e.pocket().name(), e.amount().cents(), e.kind().name(), e.reference(),
                    e.balances().main().cents(), e.balances().cesu().cents()));
        }
        if (payload instanceof WalletEvents.ChargeDebited e) {
            return one(WalletDebited.TYPE, e.familyId().toString(), new WalletDebited(e.familyId().toString(),
                    e.movementId().toString(), e.charge().chargeId(), e.fromCesu().cents(), e.fromMain().cents(),
                    e.balances().main().cents(), e.balances().cesu().cents()));
        }
        if (payload instanceof WalletEvents.LowBalanceCrossed e) {
            return one(WalletBalanceLow.TYPE, e.familyId().toString(), new WalletBalanceLow(e.familyId().toString(),
                    e.balance().cents(), e.threshold().cents(), event.getTimestamp()));
        }
        if (payload instanceof WalletEvents.WalletOverdrawn e) {
            return one(WalletOverdrawn.TYPE, e.familyId().toString(), new WalletOverdrawn(e.familyId().toString(),
                    e.balance().cents(), event.getTimestamp()));
        }
        if (payload instanceof PaymentEvents.TopUpSucceeded e) {
            return one(TopUpSucceeded.TYPE, e.familyId().toString(), new TopUpSucceeded(e.familyId().toString(),
                    e.paymentId().toString(), e.amount().cents(), e.provider(),
                    e.paidAt() != null ? e.paidAt() : event.getTimestamp()));
        }
        if (payload instanceof PaymentEvents.TopUpFailed e) {
            return one(TopUpFailed.TYPE, e.familyId().toString(), new TopUpFailed(e.familyId().toString(),
                    e.paymentId().toString(), e.amount().cents(), e.provider(), e.reason().name(),
                    e.failedAt() != null ? e.failedAt() : event.getTimestamp()));
        }
        return List.of();
    }

    private static List<OutgoingIntegrationEvent> one(ContractType<?> type, String key, Object payload) {
        return List.of(new OutgoingIntegrationEvent(type.topic(), type.qualifiedName(), key, payload));
    }
}
