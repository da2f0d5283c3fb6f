package fr.marelle.notification.message.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Outgoing email ({@code marelle.mail.*}), and the delivery of every message, emails and SMS alike
 * ({@code marelle.mail.delivery.*}, named before SMS existed). The SMTP server itself is Spring's
 * {@code spring.mail.*} ({@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}, {@code SPRING_MAIL_USERNAME},
 * {@code SPRING_MAIL_PASSWORD}); the SMS gateway is {@code marelle.sms.*}.
 *
 * @param from     the sender of every email, e.g. {@code Ville de Vincey <ne-pas-repondre@vincey.fr>}
 * @param delivery how the delivery worker claims, sends and retries
 */
@Validated
@ConfigurationProperties("marelle.mail")
public record OutgoingMailProperties(@NotBlank @DefaultValue("Ville de Vincey <ne-pas-repondre@vincey.fr>") String from,
                             @Valid @DefaultValue Delivery delivery) {

    /**
     * @param enabled      whether this replica runs a delivery worker
     * @param threads      threads of the worker, each claiming its own batch (several providers' calls at once)
     * @param pollInterval how often the worker looks for due messages (at once, besides, when one is queued)
     * @param batchSize    messages claimed at once
     * @param lease        how long a claim, and an attempt, hold a message: longer than any SMTP exchange (the SMTP
     *                     timeouts) plus the link lookup, or another replica could start a second attempt
     * @param backoff      delays after the 1st, 2nd… failed attempt; the last one repeats
     * @param maxAttempts  attempts in a series before the message is failed
     */
    public record Delivery(@DefaultValue("true") boolean enabled,
                           @Min(1) @DefaultValue("4") int threads,
                           @DefaultValue("2s") Duration pollInterval,
                           @Min(1) @DefaultValue("10") int batchSize,
                           @DefaultValue("2m") Duration lease,
                           @NotEmpty @DefaultValue({"1m", "5m", "30m", "2h", "6h"}) List<Duration> backoff,
                           @Min(1) @DefaultValue("6") int maxAttempts) {
    }
}
