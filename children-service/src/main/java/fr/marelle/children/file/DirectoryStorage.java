package fr.marelle.children.file;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * File contents in a directory: {@code <root>/<first two hex digits of the id>/<id>}. Written to a temporary file
 * then moved into place; deleted again when the transaction that records the file does not commit.
 */
public final class DirectoryStorage implements FileStorage {

    private final Path root;

    public DirectoryStorage(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
        if (!Files.isWritable(this.root)) {
            throw new IOException(this.root + " is not writable");
        }
    }

    @Override
    public String name() {
        return "DIRECTORY";
    }

    Path pathOf(UUID fileId) {
        String id = fileId.toString();
        return root.resolve(id.substring(0, 2)).resolve(id);
    }

    @Override
    public void write(UUID fileId, byte[] content) throws IOException {
        Path target = pathOf(fileId);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        try {
                            Files.deleteIfExists(target);
                        } catch (IOException e) {
                            // left for the operator: an orphan file with no row names nobody
                        }
                    }
                }
            });
        }
    }

    @Override
    public byte[] read(UUID fileId, byte[] inRow) throws IOException {
        return Files.readAllBytes(pathOf(fileId));
    }

    @Override
    public void erase(UUID fileId) throws IOException {
        Files.deleteIfExists(pathOf(fileId));
    }
}
