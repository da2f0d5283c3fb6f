package fr.marelle.children.file;

import java.io.IOException;

/** Scans an upload before anything is stored. */
public interface VirusScanner {

    /** @return the signature found, or null when the content is clean */
    String scan(byte[] content) throws IOException;

    /** No scanner configured: nothing is scanned. */
    VirusScanner NONE = content -> null;
}
