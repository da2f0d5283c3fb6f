package fr.marelle.wallet.integration;

import fr.marelle.contracts.ContractType;
import fr.marelle.contracts.billing.ChargesReleased;
import fr.marelle.contracts.billing.ChargesScheduled;
import fr.marelle.contracts.billing.ChargesSettled;
import fr.marelle.contracts.billing.ChargesWaived;
import fr.marelle.contracts.billing.OrderPlaced;
import fr.marelle.contracts.children.ChildDetailsUpdated;
import fr.marelle.contracts.children.ChildRegistered;
import fr.marelle.contracts.planning.ServiceChanged;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.integration.IntegrationEventHandler;
import fr.marelle.platform.integration.IntegrationSubscriptions;
import fr.marelle.wallet.directory.Directory;
import fr.marelle.wallet.wallet.ChargeLine;
import fr.marelle.wallet.wallet.FamilyId;
import fr.marelle.wallet.wallet.Money;
import fr.marelle.wallet.wallet.WalletCommands.ReleaseCharges;
import fr.marelle.wallet.wallet.WalletCommands.ReserveCharges;
import fr.marelle.wallet.wallet.WalletCommands.SettleCharges;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The facts of other contexts the wallet follows. From billing: scheduled charges become "à venir" (OrderPlaced,
 * ChargesScheduled), released or waived ones are released, settled ones are debited. From children and planning:
 * the names that say what a movement paid for. Each record is applied once, in one transaction with its
 * processed-message row; a family's records arrive in order (keyed by family), and the wallet copes with billing's
 * own order (a settlement before its reservation).
 */
@Configuration(proxyBeanMethods = false)
class WalletSubscriptions {

    @Bean
    IntegrationSubscriptions walletEvents(CommandGateway commands, Directory directory) {
        IntegrationSubscriptions subscriptions = IntegrationSubscriptions.create();
        on(subscriptions, OrderPlaced.TYPE, (e, env) -> commands.sendAndWait(new ReserveCharges(family(e.familyId()),
                "ORDER " + e.number(), lines(e.charges()))));
        on(subscriptions, ChargesScheduled.TYPE, (e, env) -> commands.sendAndWait(new ReserveCharges(
                family(e.familyId()), e.reason(), lines(e.charges()))));
        on(subscriptions, ChargesReleased.TYPE, (e, env) -> commands.sendAndWait(new ReleaseCharges(
                family(e.familyId()), e.reason(), lines(e.charges()))));
        on(subscriptions, ChargesWaived.TYPE, (e, env) -> commands.sendAndWait(new ReleaseCharges(
                family(e.familyId()), e.reason(), lines(e.charges()))));
        on(subscriptions, ChargesSettled.TYPE, (e, env) -> commands.sendAndWait(new SettleCharges(
                family(e.familyId()), e.serviceId(), e.date(), lines(e.charges()))));
        on(subscriptions, ChildRegistered.TYPE, (e, env) -> directory.child(e.childId(), e.familyId(), e.firstName(),
                env.occurredAt()));
        on(subscriptions, ChildDetailsUpdated.TYPE, (e, env) -> directory.child(e.childId(), e.familyId(),
                e.firstName(), env.occurredAt()));
        on(subscriptions, ServiceChanged.TYPE, (e, env) -> directory.service(e.serviceId(), e.name(),
                env.occurredAt()));
        return subscriptions;
    }

    static List<ChargeLine> lines(List<OrderPlaced.Charge> charges) {
        if (charges == null) {
            throw DomainException.invalid("CHARGES_MISSING", "Message sans prestations.", List.of());
        }
        return charges.stream().map(c -> {
            if (c.chargeId() == null || c.chargeId().isBlank()) {
                throw DomainException.invalid("CHARGE_ID_MISSING", "Prestation sans identifiant.", List.of());
            }
            return new ChargeLine(c.chargeId(), c.bookingId(), c.childId(), c.serviceId(), c.date(),
                    Money.ofCents(c.amountCents()), c.cesuEligible());
        }).toList();
    }

    /** A family id that is not one is refused at once (dead-letter topic): retrying cannot mend it. */
    static FamilyId family(String familyId) {
        try {
            return FamilyId.of(familyId);
        } catch (RuntimeException e) {
            throw DomainException.invalid("FAMILY_ID_INVALID", "Identifiant de famille invalide.", List.of());
        }
    }

    private static <T> void on(IntegrationSubscriptions subscriptions, ContractType<T> type,
                               IntegrationEventHandler<T> handler) {
        subscriptions.on(type.topic(), type.qualifiedName(), type.payloadType(), handler);
    }
}
