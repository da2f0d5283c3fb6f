package fr.marelle.accounts.credentials;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import fr.marelle.platform.crypto.SecretBox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

import static dev.samstevens.totp.util.Utils.getDataUriForImage;

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s, as authenticator apps expect), with one step of
 * clock drift each way and no reuse of a step already used; recovery codes for a lost phone, kept as SHA-256 hashes.
 * Seeds are sealed at rest.
 */
public class SecondFactor {

    public record Enrollment(String secret, String otpauthUri, String qrCodeDataUri) {
    }

    private static final int PERIOD_SECONDS = 30;
    private static final String RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final SecretBox box;
    private final Clock clock;
    private final String issuer;
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
    private final SecureRandom random = new SecureRandom();

    public SecondFactor(SecretBox box, Clock clock, String issuer) {
        this.box = box;
        this.clock = clock;
        this.issuer = issuer;
    }

    public Enrollment newEnrollment(String accountLabel) {
        String secret = new DefaultSecretGenerator(32).generate();
        QrData data = new QrData.Builder().label(accountLabel).secret(secret).issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build();
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            return new Enrollment(secret, data.getUri(),
                    getDataUriForImage(generator.generate(data), generator.getImageMimeType()));
        } catch (QrGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(String secret, String userId) {
        return box.seal(secret, "totp:" + userId);
    }

    /**
     * The time step a code matches, if it matches one not used yet (the current step, or one either side).
     */
    public OptionalLong verify(String sealedSecret, String userId, String code, Long lastUsedStep) {
        if (code == null || !code.strip().matches("[0-9]{6}")) {
            return OptionalLong.empty();
        }
        String secret = box.open(sealedSecret, "totp:" + userId);
        long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            if (lastUsedStep != null && step <= lastUsedStep) {
                continue;
            }
            try {
                if (MessageDigest.isEqual(codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                        code.strip().getBytes(StandardCharsets.US_ASCII))) {
                    return OptionalLong.of(step);
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException(e);
            }
        }
        return OptionalLong.empty();
    }

    /** The code an authenticator shows now, e.g. for tests. */
    public static String currentCode(String secret, Clock clock) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6)
                    .generate(secret, clock.instant().getEpochSecond() / PERIOD_SECONDS);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> newRecoveryCodes() {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                if (c == 5) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
            result.add(code.toString());
        }
        return result;
    }

    public static String hashRecoveryCode(String code) {
        try {
            String normalised = code == null ? "" : code.strip().toUpperCase().replace(" ", "");
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
