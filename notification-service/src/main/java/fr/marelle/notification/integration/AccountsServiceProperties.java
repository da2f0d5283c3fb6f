package fr.marelle.notification.integration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * Where accounts-service answers ({@code MARELLE_SERVICES_ACCOUNTS_URL}), and how long notification-service waits
 * for it when it asks for a single-use link.
 *
 * @param url            the service's base URL, e.g. {@code http://accounts-service:8081}
 * @param connectTimeout to open the connection
 * @param timeout        for the whole answer
 */
@Validated
@ConfigurationProperties("marelle.services.accounts")
record AccountsServiceProperties(@NotNull @DefaultValue("http://127.0.0.1:8081") URI url,
                                 @NotNull @DefaultValue("2s") Duration connectTimeout,
                                 @NotNull @DefaultValue("5s") Duration timeout) {
}
