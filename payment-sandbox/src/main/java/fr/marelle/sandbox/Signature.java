package fr.marelle.sandbox;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * How the sandbox signs a notification: header {@code Sandbox-Signature: t=<unix seconds>,v1=<hex>}, v1 being
 * HMAC-SHA256 with the merchant's secret over {@code <t>.<raw body>}. Signed again at every attempt, so the time is
 * that of the attempt.
 */
final class Signature {

    static final String HEADER = "Sandbox-Signature";

    private Signature() {
    }

    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
