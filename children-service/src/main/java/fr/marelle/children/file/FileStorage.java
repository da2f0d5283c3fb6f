package fr.marelle.children.file;

import java.io.IOException;
import java.util.UUID;

/**
 * Where file contents live: in the {@code stored_file} row (DATABASE) or in a configured directory (DIRECTORY) under
 * a name made of the file's generated id only. Nothing typed by a user ever becomes part of a path.
 */
public interface FileStorage {

    /** The storage's name, recorded with each file. */
    String name();

    /** Keeps the content; for a directory, removed again if the surrounding transaction rolls back. */
    void write(UUID fileId, byte[] content) throws IOException;

    byte[] read(UUID fileId, byte[] inRow) throws IOException;

    void erase(UUID fileId) throws IOException;
}
