package fr.marelle.launcher;

import fr.marelle.platform.security.PemKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets of one data directory, generated on first run and kept, so that sessions signed by the gateway, the
 * first administrator's password and what accounts-service encrypted survive a restart. Files are readable by their
 * owner only.
 */
record LocalSecrets(String servicePublicKey, String servicePrivateKey, String adminPassword, String accountsSecretKey,
                    String notificationPublicKey, String notificationPrivateKey, String sandboxApiKey,
                    String sandboxSigningSecret) {

    static final String PUBLIC_KEY_FILE = "service-token-public.pem";
    static final String PRIVATE_KEY_FILE = "service-token-private.pem";
    static final String ADMIN_PASSWORD_FILE = "admin-password";
    static final String ACCOUNTS_SECRET_KEY_FILE = "accounts-secret-key";
    /** notification-service's own key: it signs for itself when it asks accounts-service for single-use links. */
    static final String NOTIFICATION_PUBLIC_KEY_FILE = "notification-token-public.pem";
    static final String NOTIFICATION_PRIVATE_KEY_FILE = "notification-token-private.pem";
    /** The payment sandbox's merchant key and notification secret, which wallet-service shares. */
    static final String SANDBOX_API_KEY_FILE = "sandbox-api-key";
    static final String SANDBOX_SIGNING_SECRET_FILE = "sandbox-signing-secret";
    /** No look-alike characters (0/O, 1/l/I): the password is read on a screen and typed. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** 20 characters of 57 symbols: about 116 bits. */
    private static final int PASSWORD_LENGTH = 20;
    private static final int AES_KEY_BYTES = 32;

    static LocalSecrets loadOrCreate(Path directory) {
        Path publicKey = directory.resolve(PUBLIC_KEY_FILE);
        Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
        keyPair(publicKey, privateKey);
        Path notificationPublic = directory.resolve(NOTIFICATION_PUBLIC_KEY_FILE);
        Path notificationPrivate = directory.resolve(NOTIFICATION_PRIVATE_KEY_FILE);
        keyPair(notificationPublic, notificationPrivate);
        Path password = directory.resolve(ADMIN_PASSWORD_FILE);
        if (!Files.isRegularFile(password)) {
            writePrivate(password, generatePassword());
        }
        Path accountsKey = directory.resolve(ACCOUNTS_SECRET_KEY_FILE);
        if (!Files.isRegularFile(accountsKey)) {
            writePrivate(accountsKey, generateAesKey());
        }
        Path sandboxKey = directory.resolve(SANDBOX_API_KEY_FILE);
        if (!Files.isRegularFile(sandboxKey)) {
            writePrivate(sandboxKey, "sk_local_" + generateAesKey().replaceAll("[^A-Za-z0-9]", ""));
        }
        Path sandboxSecret = directory.resolve(SANDBOX_SIGNING_SECRET_FILE);
        if (!Files.isRegularFile(sandboxSecret)) {
            writePrivate(sandboxSecret, "whsec_" + generateAesKey().replaceAll("[^A-Za-z0-9]", ""));
        }
        LocalSecrets secrets = new LocalSecrets(read(publicKey), read(privateKey), read(password).strip(),
                read(accountsKey).strip(), read(notificationPublic), read(notificationPrivate),
                read(sandboxKey).strip(), read(sandboxSecret).strip());
        // fail here, with the file names, rather than in seven apps' logs
        PemKeys.publicKey(secrets.servicePublicKey);
        PemKeys.privateKey(secrets.servicePrivateKey);
        PemKeys.publicKey(secrets.notificationPublicKey);
        PemKeys.privateKey(secrets.notificationPrivateKey);
        if (secrets.adminPassword.isEmpty()) {
            throw new LauncherException(password + " est vide : supprimez-le pour en générer un nouveau.");
        }
        if (decodedLength(secrets.accountsSecretKey) != AES_KEY_BYTES) {
            throw new LauncherException(accountsKey + " n'est pas une clé de 32 octets en base64. Ne le supprimez que "
                    + "si vous abandonnez les données qu'elle chiffre (seconds facteurs du personnel).");
        }
        return secrets;
    }

    /** A key pair, generated when either half is missing. */
    private static void keyPair(Path publicKey, Path privateKey) {
        if (!Files.isRegularFile(publicKey) || !Files.isRegularFile(privateKey)) {
            String[] pair = PemKeys.generate();
            // private key first: a public key alone on disk would be regenerated anyway
            writePrivate(privateKey, pair[1]);
            writePrivate(publicKey, pair[0]);
        }
    }

    /**
     * The key accounts-service encrypts its small secrets at rest with (AES-256, base64, as SecretBox expects). Kept
     * like the others: a new key would make what was encrypted under the old one unreadable.
     */
    static String generateAesKey() {
        byte[] key = new byte[AES_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written to a private temporary file then moved into place, so a crash never leaves half a key. */
    private static void writePrivate(Path file, String content) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temporary);
            } catch (FileAlreadyExistsException raced) {
                throw new LauncherException("Un autre lanceur écrit dans " + file.getParent());
            }
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
