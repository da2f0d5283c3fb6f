package fr.marelle.wallet.payment.provider;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationSignatureTest {

    static final byte[] BODY = "{\"id\":\"sbx_1\",\"status\":\"SUCCEEDED\"}".getBytes(StandardCharsets.UTF_8);
    static final Instant SIGNED = Instant.ofEpochSecond(1_700_000_000L);

    /** The same vector is checked by payment-sandbox: computed with {@code openssl dgst -sha256 -hmac}. */
    @Test
    void signs_as_the_sandbox_does_hmac_sha256_over_time_dot_body() {
        assertThat(NotificationSignature.sign("whsec_vector", 1_700_000_000L, BODY))
                .isEqualTo("t=1700000000,v1=b6e5d77057a31e869f1b828e3df52a0c8c85d3ff6bb9d67144c48b8a6958c04b");
    }

    @Test
    void accepts_its_own_signature_within_the_tolerance() throws Exception {
        NotificationSignature.verify(NotificationSignature.sign("s", 1_700_000_000L, BODY), "s", BODY,
                SIGNED.plusSeconds(120), Duration.ofMinutes(5));
    }

    @Test
    void refuses_an_altered_body_another_key_an_old_signature_and_none() {
        String header = NotificationSignature.sign("s", 1_700_000_000L, BODY);
        byte[] altered = new String(BODY, StandardCharsets.UTF_8).replace("sbx_1", "sbx_2")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> NotificationSignature.verify(header, "s", altered, SIGNED, Duration.ofMinutes(5)))
                .hasFieldOrPropertyWithValue("code", "NOTIFICATION_SIGNATURE_INVALID");
        assertThatThrownBy(() -> NotificationSignature.verify(header, "other", BODY, SIGNED, Duration.ofMinutes(5)))
                .hasFieldOrPropertyWithValue("code", "NOTIFICATION_SIGNATURE_INVALID");
        assertThatThrownBy(() -> NotificationSignature.verify(header, "s", BODY, SIGNED.plusSeconds(301),
                Duration.ofMinutes(5))).hasFieldOrPropertyWithValue("code", "NOTIFICATION_STALE");
        assertThatThrownBy(() -> NotificationSignature.verify(null, "s", BODY, SIGNED, Duration.ofMinutes(5)))
                .hasFieldOrPropertyWithValue("code", "NOTIFICATION_SIGNATURE_MISSING");
        assertThatThrownBy(() -> NotificationSignature.verify("t=abc,v1=zz", "s", BODY, SIGNED,
                Duration.ofMinutes(5))).hasFieldOrPropertyWithValue("code", "NOTIFICATION_SIGNATURE_INVALID");
    }
}
