package fr.marelle.benchmarks.support;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The lines of a benchmark's report: kept for the results file, and echoed as they come to a console stream when
 * one is given (or printed whole at the end with {@link #text()}). Numbers are formatted in {@link Locale#ROOT}.
 */
public final class Report {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The usual percentiles of a histogram of microseconds, in milliseconds. */
    public record Latencies(long count, double p50, double p90, double p99, double max) {

        public static Latencies ofMicros(Histogram micros) {
            return new Latencies(micros.getTotalCount(), micros.getValueAtPercentile(50) / 1000.0,
                    micros.getValueAtPercentile(90) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
                    micros.getMaxValue() / 1000.0);
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final PrintStream echo;

    private Report(PrintStream echo) {
        this.echo = echo;
    }

    /** A report whose lines are also printed to {@code echo} as they are added. */
    public static Report echoingTo(PrintStream echo) {
        return new Report(echo);
    }

    /** A report printed by nobody until the benchmark prints {@link #text()}. */
    public static Report quiet() {
        return new Report(null);
    }

    public void line(String line) {
        text.append(line).append('\n');
        if (echo != null) {
            echo.println(line);
        }
    }

    /** A line from {@link String#format} in {@link Locale#ROOT}. */
    public void format(String format, Object... args) {
        line(String.format(Locale.ROOT, format, args));
    }

    public String text() {
        return text.toString();
    }

    /** Writes the report to {@code file} (UTF-8), creating its folder. */
    public void writeTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The time in Paris for a report's title, e.g. "2026-11-27 07:27 (Paris)". */
    public static String parisNow() {
        return LocalDateTime.now(PARIS).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " (Paris)";
    }

    /** Seconds elapsed since {@code since}. */
    public static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toNanos() / 1e9;
    }
}
