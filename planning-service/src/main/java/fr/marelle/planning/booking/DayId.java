package fr.marelle.planning.booking;

import java.time.LocalDate;

/**
 * The id of a service-day's place allocator: {@code serviceId@date}, or {@code serviceId@date@schoolId} when the
 * service counts places per school (the same key as planning's public events use for a service-day).
 */
public final class DayId {

    public static final String WHOLE_DAY = "*";

    private DayId() {
    }

    public static String of(String serviceId, LocalDate date, String pool) {
        return WHOLE_DAY.equals(pool) ? serviceId + "@" + date : serviceId + "@" + date + "@" + pool;
    }
}
