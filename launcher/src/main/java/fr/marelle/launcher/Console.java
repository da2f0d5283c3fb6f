package fr.marelle.launcher;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * What the person who typed {@code ./marelle run} reads, in French. Developer logs (Kafka, GreenMail…) go to
 * {@code .run/logs/launcher.log} instead, so the console stays short.
 */
final class Console {

    /*
     * Java 17 encodes System.out with the locale's charset: in a bare CI shell (POSIX locale) every accent would
     * become '?'. The messages are French, so write UTF-8 whatever the locale.
     */
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    private Console() {
    }

    static void info(String message) {
        OUT.println(message);
    }

    static void step(String message) {
        OUT.println("• " + message);
    }

    static void ok(String message) {
        OUT.println("  ✓ " + message);
    }

    static void fail(String message) {
        OUT.println("  ✗ " + message);
    }

    static void indented(String line) {
        OUT.println("    │ " + line);
    }

    /** "12,3 s", the French way. */
    static String seconds(Duration duration) {
        return String.format(Locale.FRANCE, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** "1,84 Gio" or "312 Mio". */
    static String memory(long kibibytes) {
        if (kibibytes >= 1024 * 1024) {
            return String.format(Locale.FRANCE, "%.2f Gio", kibibytes / (1024.0 * 1024.0));
        }
        return String.format(Locale.FRANCE, "%d Mio", Math.round(kibibytes / 1024.0));
    }
}
