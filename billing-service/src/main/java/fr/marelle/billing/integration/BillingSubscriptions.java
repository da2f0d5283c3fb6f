package fr.marelle.billing.integration;

import fr.marelle.billing.directory.BillingDirectory;
import fr.marelle.contracts.ContractType;
import fr.marelle.contracts.accounts.FamilyAddressChanged;
import fr.marelle.contracts.accounts.GuardianProfileUpdated;
import fr.marelle.contracts.accounts.GuardianRegistered;
import fr.marelle.contracts.accounts.QuotientFamilialChanged;
import fr.marelle.contracts.children.ChildDetailsUpdated;
import fr.marelle.contracts.children.ChildRegistered;
import fr.marelle.contracts.children.QuotientFamilialAttested;
import fr.marelle.contracts.planning.AttendanceSettled;
import fr.marelle.contracts.planning.BookingsCancelled;
import fr.marelle.contracts.planning.BookingsSubmitted;
import fr.marelle.contracts.planning.ServiceChanged;
import fr.marelle.contracts.planning.ServiceDayCancelled;
import fr.marelle.contracts.planning.WaitlistPlaceGranted;
import fr.marelle.platform.integration.IntegrationEventHandler;
import fr.marelle.platform.integration.IntegrationSubscriptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The facts of other contexts billing follows: planning's bookings, registers and catalogue (orders and charges);
 * children's birth dates and QF attestations, accounts' declared QF, addresses and guardians (prices and invoices).
 */
@Configuration(proxyBeanMethods = false)
class BillingSubscriptions {

    @Bean
    IntegrationSubscriptions billingEvents(PlanningFacts planning, BillingDirectory directory) {
        IntegrationSubscriptions subscriptions = IntegrationSubscriptions.create();
        on(subscriptions, ServiceChanged.TYPE, (e, env) -> directory.serviceChanged(e, env.occurredAt()));
        on(subscriptions, BookingsSubmitted.TYPE, planning::bookingsSubmitted);
        on(subscriptions, WaitlistPlaceGranted.TYPE, planning::waitlistPlaceGranted);
        on(subscriptions, BookingsCancelled.TYPE, planning::bookingsCancelled);
        on(subscriptions, ServiceDayCancelled.TYPE, planning::serviceDayCancelled);
        on(subscriptions, AttendanceSettled.TYPE, planning::attendanceSettled);
        on(subscriptions, ChildRegistered.TYPE, (e, env) -> directory.childRegistered(e, env.occurredAt()));
        on(subscriptions, ChildDetailsUpdated.TYPE, (e, env) -> directory.childDetailsUpdated(e, env.occurredAt()));
        on(subscriptions, QuotientFamilialAttested.TYPE,
                (e, env) -> directory.quotientFamilialAttested(e, env.occurredAt()));
        on(subscriptions, QuotientFamilialChanged.TYPE,
                (e, env) -> directory.quotientFamilialChanged(e, env.occurredAt()));
        on(subscriptions, FamilyAddressChanged.TYPE, (e, env) -> directory.familyAddressChanged(e, env.occurredAt()));
        on(subscriptions, GuardianRegistered.TYPE, (e, env) -> directory.guardianRegistered(e, env.occurredAt()));
        on(subscriptions, GuardianProfileUpdated.TYPE,
                (e, env) -> directory.guardianProfileUpdated(e, env.occurredAt()));
        return subscriptions;
    }

    private static <T> void on(IntegrationSubscriptions subscriptions, ContractType<T> type,
                               IntegrationEventHandler<T> handler) {
        subscriptions.on(type.topic(), type.qualifiedName(), type.payloadType(), handler);
    }
}
