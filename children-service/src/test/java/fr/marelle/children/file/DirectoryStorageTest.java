package fr.marelle.children.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Contents in a directory, under generated names; nothing left behind by a transaction that does not commit. */
class DirectoryStorageTest {

    @TempDir
    Path root;

    @Test
    void a_file_lives_under_its_id_only() throws Exception {
        DirectoryStorage storage = new DirectoryStorage(root);
        UUID id = UUID.randomUUID();
        storage.write(id, new byte[]{1, 2, 3});
        Path path = storage.pathOf(id);
        assertThat(path.getParent().getParent()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(path.getFileName().toString()).isEqualTo(id.toString());
        assertThat(storage.read(id, null)).containsExactly(1, 2, 3);
        storage.erase(id);
        assertThat(Files.exists(path)).isFalse();
    }

    @Test
    void a_rolled_back_upload_leaves_nothing_behind() throws Exception {
        DirectoryStorage storage = new DirectoryStorage(root);
        UUID id = UUID.randomUUID();
        TransactionSynchronizationManager.initSynchronization();
        try {
            storage.write(id, new byte[]{4, 5, 6});
            assertThat(Files.exists(storage.pathOf(id))).isTrue();
            for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
                s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
            }
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(Files.exists(storage.pathOf(id))).isFalse();
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
