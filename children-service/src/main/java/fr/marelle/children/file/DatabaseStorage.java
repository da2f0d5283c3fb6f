package fr.marelle.children.file;

import java.util.UUID;

/** File contents in the {@code stored_file} row itself (bytea), committed or rolled back with it. */
public final class DatabaseStorage implements FileStorage {

    @Override
    public String name() {
        return "DATABASE";
    }

    @Override
    public void write(UUID fileId, byte[] content) {
        // the row carries it
    }

    @Override
    public byte[] read(UUID fileId, byte[] inRow) {
        return inRow;
    }

    @Override
    public void erase(UUID fileId) {
        // the row's content is set to null
    }
}
