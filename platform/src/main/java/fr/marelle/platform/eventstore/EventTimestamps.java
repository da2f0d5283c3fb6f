package fr.marelle.platform.eventstore;

import org.axonframework.common.DateTimeUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The text of an event's {@code time_stamp}, exactly as Axon writes it ({@link DateTimeUtils#formatInstant}: ISO-8601
 * in UTC to the millisecond, e.g. {@code 2026-11-27T18:50:40.702Z}), written digit by digit. Axon's formatter goes
 * through a zoned date-time and builds the zone's rules again for every event: 8 % of the command path's CPU in the
 * append-path benchmark (benchmarks/README.md). Years outside 0000–9999, which Axon writes with a sign, are left to
 * Axon's formatter.
 */
final class EventTimestamps {

    private static final long FIRST = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private EventTimestamps() {
    }

    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return DateTimeUtils.formatInstant(instant);
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, instant.getNano(), ZoneOffset.UTC);
        byte[] text = new byte[24];
        digits(text, 0, time.getYear(), 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, time.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static void digits(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
