package fr.marelle.launcher;

import fr.marelle.platform.security.PemKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSecretsTest {

    @TempDir
    Path directory;

    @Test
    void are_generated_once_and_kept_for_the_next_runs() {
        LocalSecrets first = LocalSecrets.loadOrCreate(directory);
        LocalSecrets second = LocalSecrets.loadOrCreate(directory);

        assertThat(second).isEqualTo(first);
        assertThat(java.util.Base64.getDecoder().decode(first.accountsSecretKey())).hasSize(32);
        assertThat(PemKeys.publicKey(first.servicePublicKey()).getModulus())
                .isEqualTo(PemKeys.privateKey(first.servicePrivateKey()).getModulus());
    }

    @Test
    void are_readable_by_their_owner_only() throws IOException {
        LocalSecrets.loadOrCreate(directory);

        for (String file : new String[]{LocalSecrets.PRIVATE_KEY_FILE, LocalSecrets.PUBLIC_KEY_FILE,
                LocalSecrets.ADMIN_PASSWORD_FILE, LocalSecrets.ACCOUNTS_SECRET_KEY_FILE,
                LocalSecrets.SANDBOX_API_KEY_FILE, LocalSecrets.SANDBOX_SIGNING_SECRET_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
    }

    @Test
    void the_administrator_password_is_long_random_and_unambiguous() {
        String password = LocalSecrets.generatePassword();

        assertThat(password).hasSize(20).matches("[A-HJ-NP-Za-km-z2-9]+");
        assertThat(LocalSecrets.generatePassword()).isNotEqualTo(password);
    }
}
