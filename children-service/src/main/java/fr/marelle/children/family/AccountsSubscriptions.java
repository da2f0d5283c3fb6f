package fr.marelle.children.family;

import fr.marelle.contracts.ContractType;
import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.contracts.accounts.QuotientFamilialChanged;
import fr.marelle.platform.integration.IntegrationEventHandler;
import fr.marelle.platform.integration.IntegrationSubscriptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The accounts facts children-service follows: which families exist, and the QF each declares. */
@Configuration(proxyBeanMethods = false)
class AccountsSubscriptions {

    @Bean
    IntegrationSubscriptions childrenSubscriptions(KnownFamilies families) {
        IntegrationSubscriptions subscriptions = IntegrationSubscriptions.create();
        on(subscriptions, FamilyRegistered.TYPE, (e, env) -> families.registered(e));
        on(subscriptions, QuotientFamilialChanged.TYPE, (e, env) -> families.quotientFamilialChanged(e));
        return subscriptions;
    }

    private static <T> void on(IntegrationSubscriptions subscriptions, ContractType<T> type,
                               IntegrationEventHandler<T> handler) {
        subscriptions.on(type.topic(), type.qualifiedName(), type.payloadType(), handler);
    }
}
