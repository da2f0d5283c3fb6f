package fr.marelle.planning.integration;

import fr.marelle.contracts.ContractType;
import fr.marelle.contracts.accounts.EmergencyContactsChanged;
import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.contracts.children.ChildArchived;
import fr.marelle.contracts.children.ChildDetailsUpdated;
import fr.marelle.contracts.children.ChildRegistered;
import fr.marelle.contracts.children.ChildRequirementsChanged;
import fr.marelle.contracts.children.SchoolChanged;
import fr.marelle.planning.directory.ChildDirectory;
import fr.marelle.platform.integration.IntegrationEventHandler;
import fr.marelle.platform.integration.IntegrationSubscriptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What planning learns from other contexts: which children exist, where they go to school and what they may be
 * booked for (children-service); who the family is and who may pick the children up (accounts-service).
 */
@Configuration(proxyBeanMethods = false)
class PlanningSubscriptions {

    @Bean
    IntegrationSubscriptions planningEvents(ChildDirectory directory) {
        IntegrationSubscriptions subscriptions = IntegrationSubscriptions.create();
        on(subscriptions, ChildRegistered.TYPE, (e, env) -> directory.childRegistered(e, env.occurredAt()));
        on(subscriptions, ChildDetailsUpdated.TYPE, (e, env) -> directory.childDetailsUpdated(e, env.occurredAt()));
        on(subscriptions, ChildArchived.TYPE, (e, env) -> directory.childArchived(e, env.occurredAt()));
        on(subscriptions, ChildRequirementsChanged.TYPE,
                (e, env) -> directory.requirementsChanged(e, env.occurredAt()));
        on(subscriptions, SchoolChanged.TYPE, (e, env) -> directory.schoolChanged(e));
        on(subscriptions, FamilyRegistered.TYPE, (e, env) -> directory.familyRegistered(e));
        on(subscriptions, EmergencyContactsChanged.TYPE, (e, env) -> directory.emergencyContactsChanged(e));
        return subscriptions;
    }

    private static <T> void on(IntegrationSubscriptions subscriptions, ContractType<T> type,
                               IntegrationEventHandler<T> handler) {
        subscriptions.on(type.topic(), type.qualifiedName(), type.payloadType(), handler);
    }
}
