package fr.marelle.wallet.support;

import fr.marelle.platform.test.MarelleTestInitializer;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * wallet-service started whole as {@code MarelleServiceTest} does (its own database, the embedded broker), with the
 * sandbox stub as its payment provider. Every class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {MarelleTestInitializer.class, WalletTestInitializer.class})
public @interface WalletServiceTest {
}
