package fr.marelle.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.OptionalLong;

/** Resident memory (VmRSS) of processes, from Linux's /proc; unknown elsewhere. */
final class ResidentMemory {

    private ResidentMemory() {
    }

    /** In KiB; empty when the process is gone or /proc does not exist. */
    static OptionalLong of(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(parseKibibytes(line));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Sum in KiB of the processes that could be measured; empty if none could. */
    static OptionalLong total(Collection<Long> pids) {
        long sum = 0;
        boolean any = false;
        for (long pid : pids) {
            OptionalLong rss = of(pid);
            if (rss.isPresent()) {
                sum += rss.getAsLong();
                any = true;
            }
        }
        return any ? OptionalLong.of(sum) : OptionalLong.empty();
    }

    /** "VmRSS:	  123456 kB" → 123456 */
    static long parseKibibytes(String statusLine) {
        String[] fields = statusLine.trim().split("\\s+");
        if (fields.length != 3 || !fields[2].equals("kB")) {
            throw new IllegalArgumentException(statusLine);
        }
        return Long.parseLong(fields[1]);
    }
}
