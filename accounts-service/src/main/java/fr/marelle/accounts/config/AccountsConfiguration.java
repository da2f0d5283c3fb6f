package fr.marelle.accounts.config;

import fr.marelle.accounts.credentials.SecondFactor;
import fr.marelle.platform.crypto.SecretBox;
import org.springframework.beans.factory.annotation.Value;
import fr.marelle.platform.processing.PerFamilySequencing;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

@Configuration
class AccountsConfiguration {

    /** The directory joins a family and its guardians: their events are handled in order, family by family. */
    @Autowired
    void sequencePerFamily(EventProcessingConfigurer processing) {
        processing.registerSequencingPolicy("family-directory", configuration -> PerFamilySequencing.INSTANCE);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /** Seals second-factor seeds at rest; the key comes from MARELLE_ACCOUNTS_SECRETKEY (32 bytes, base64). */
    @Bean
    SecretBox accountsSecretBox(@Value("${marelle.accounts.secret-key:}") String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("marelle.accounts.secret-key (MARELLE_ACCOUNTS_SECRETKEY) is required: "
                    + "32 random bytes, base64-encoded, kept the same across restarts");
        }
        return new SecretBox(key);
    }

    @Bean
    SecondFactor secondFactor(SecretBox accountsSecretBox, Clock clock,
                              @Value("${marelle.town.name:Marelle}") String town) {
        return new SecondFactor(accountsSecretBox, clock, town);
    }
}
