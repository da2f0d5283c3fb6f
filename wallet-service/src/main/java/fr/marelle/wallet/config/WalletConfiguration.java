package fr.marelle.wallet.config;

import fr.marelle.wallet.payment.TopUpLimits;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(TopUpLimits.class)
class WalletConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /**
     * A wallet lives for years (a few movements a day during the school year): it is loaded from a snapshot taken
     * every {@code marelle.wallet.snapshot-every} events, not replayed from its first event.
     */
    @Bean
    SnapshotTriggerDefinition walletSnapshotTrigger(Snapshotter snapshotter,
                                                    @Value("${marelle.wallet.snapshot-every:100}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }
}
