package fr.marelle.wallet.payment.provider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The sandbox's notification signature: header {@code Sandbox-Signature: t=<unix seconds>,v1=<hex>}, where v1 is
 * HMAC-SHA256 with the shared secret over {@code <t>.<raw body>}. A changed byte of the body or of the time, or
 * another key, gives another signature; a signature older than the tolerance is refused, so a captured notification
 * cannot be replayed for ever (and one replayed within it changes nothing: payments record an outcome once).
 */
public final class NotificationSignature {

    public static final String HEADER = "Sandbox-Signature";

    private NotificationSignature() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    static void verify(String header, String secret, byte[] body, Instant now, Duration tolerance)
            throws RefusedNotificationException {
        if (header == null || header.isBlank()) {
            throw new RefusedNotificationException("NOTIFICATION_SIGNATURE_MISSING", "notification without signature");
        }
        Long timestamp = null;
        byte[] given = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            try {
                if (kv[0].equals("t")) {
                    timestamp = Long.parseLong(kv[1]);
                } else if (kv[0].equals("v1")) {
                    given = HexFormat.of().parseHex(kv[1]);
                }
            } catch (IllegalArgumentException e) {
                throw new RefusedNotificationException("NOTIFICATION_SIGNATURE_INVALID", "unreadable signature");
            }
        }
        if (timestamp == null || given == null) {
            throw new RefusedNotificationException("NOTIFICATION_SIGNATURE_INVALID", "incomplete signature");
        }
        if (!MessageDigest.isEqual(given, mac(secret, timestamp, body))) {
            throw new RefusedNotificationException("NOTIFICATION_SIGNATURE_INVALID",
                    "signature does not match the body (forged or altered)");
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(tolerance) > 0) {
            throw new RefusedNotificationException("NOTIFICATION_STALE",
                    "signed at " + Instant.ofEpochSecond(timestamp) + ", outside the tolerance of " + tolerance);
        }
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
