package fr.marelle.notification.message.sms;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Outgoing SMS ({@code marelle.sms.*}).
 *
 * @param sender      what the phone shows as the sender: 3 to 11 letters, digits or spaces with at least one letter
 *                    (an alphanumeric sender id, as French operators allow for alerts), e.g. {@code VINCEY}
 * @param maxSegments the most segments one SMS may take (1 or 2): texts are shortened to fit
 * @param nightStart  no SMS leaves from this time of day…
 * @param nightEnd    …to this one, in {@code zone}: an SMS due at night waits for {@code nightEnd} (town setting)
 * @param zone        the town's time zone, for the night and for "one SMS a day"
 * @param http        the SMS gateway
 */
@Validated
@ConfigurationProperties("marelle.sms")
public record SmsProperties(
        @NotNull @Pattern(regexp = "(?=.*[A-Za-z])[A-Za-z0-9 ]{3,11}",
                message = "3 à 11 lettres, chiffres ou espaces, dont au moins une lettre")
        @DefaultValue("VINCEY") String sender,
        @Min(1) @Max(2) @DefaultValue("2") int maxSegments,
        @NotNull @DefaultValue("20:00") LocalTime nightStart,
        @NotNull @DefaultValue("08:00") LocalTime nightEnd,
        @NotNull @DefaultValue("Europe/Paris") ZoneId zone,
        @Valid @DefaultValue Http http) {

    /** How the number is written in the request: {@code +33612345678}, or {@code 33612345678} for gateways that want digits only. */
    public enum RecipientFormat { E164, DIGITS }

    /**
     * The SMS gateway's REST endpoint (see the README: a JSON POST in the shape of Brevo's transactional SMS API).
     *
     * @param url            the endpoint; none: SMS cannot be sent, and families are not offered them
     * @param apiKey         the secret sent in {@code apiKeyHeader} (never logged)
     * @param apiKeyHeader   {@code api-key} (Brevo), or e.g. {@code X-Api-Key}; {@code Authorization} sends
     *                       {@code Bearer <key>}
     * @param recipientFormat how the number is written
     * @param connectTimeout how long to wait for a connection
     * @param timeout        how long to wait for the answer
     */
    public record Http(URI url,
                       String apiKey,
                       @NotNull @DefaultValue("api-key") String apiKeyHeader,
                       @NotNull @DefaultValue("E164") RecipientFormat recipientFormat,
                       @NotNull @DefaultValue("2s") Duration connectTimeout,
                       @NotNull @DefaultValue("5s") Duration timeout) {

        public boolean configured() {
            return url != null && !url.toString().isBlank();
        }
    }
}
