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

/**
 * The secrets of one data directory, generated on first run and kept, so that sessions signed by the gateway and
 * the first administrator's password survive a restart. Files are readable by their owner only.
 */
record LocalSecrets(String servicePublicKey, String servicePrivateKey, String adminPassword) {

    static final String PUBLIC_KEY_FILE = "service-token-public.pem";
    static final String PRIVATE_KEY_FILE = "service-token-private.pem";
    static final String ADMIN_PASSWORD_FILE = "admin-password";
    /** No look-alike characters (0/O, 1/l/I): the password is read on a screen and typed. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** 20 characters of 57 symbols: about 116 bits. */
    private static final int PASSWORD_LENGTH = 20;

    static LocalSecrets loadOrCreate(Path directory) {
        Path publicKey = directory.resolve(PUBLIC_KEY_FILE);
        Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
        if (!Files.isRegularFile(publicKey) || !Files.isRegularFile(privateKey)) {
            String[] pair = PemKeys.generate();
            // private key first: a public key alone on disk would be regenerated anyway
            writePrivate(privateKey, pair[1]);
            writePrivate(publicKey, pair[0]);
        }
        Path password = directory.resolve(ADMIN_PASSWORD_FILE);
        if (!Files.isRegularFile(password)) {
            writePrivate(password, generatePassword());
        }
        LocalSecrets secrets = new LocalSecrets(read(publicKey), read(privateKey), read(password).strip());
        // fail here, with the file names, rather than in seven apps' logs
        PemKeys.publicKey(secrets.servicePublicKey);
        PemKeys.privateKey(secrets.servicePrivateKey);
        if (secrets.adminPassword.isEmpty()) {
            throw new LauncherException(password + " est vide : supprimez-le pour en générer un nouveau.");
        }
        return secrets;
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
