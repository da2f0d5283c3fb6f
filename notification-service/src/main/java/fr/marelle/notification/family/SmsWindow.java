package fr.marelle.notification.family;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When SMS may leave, in the town's time: never between {@code nightStart} and {@code nightEnd} (20:00 to 08:00 by
 * default, a town setting). Injected into the {@link FamilyNotifications} command handlers; its decisions are
 * recorded in the events, so changing it never changes the past. {@code nightStart} equal to {@code nightEnd} means
 * no night.
 */
public record SmsWindow(LocalTime nightStart, LocalTime nightEnd, ZoneId zone) {

    public SmsWindow {
        Objects.requireNonNull(nightStart, "nightStart");
        Objects.requireNonNull(nightEnd, "nightEnd");
        Objects.requireNonNull(zone, "zone");
    }

    public static SmsWindow parisNights() {
        return new SmsWindow(LocalTime.of(20, 0), LocalTime.of(8, 0), ZoneId.of("Europe/Paris"));
    }

    /** Whether {@code at} falls in the night, in the town's time. */
    public boolean isNight(Instant at) {
        LocalTime time = at.atZone(zone).toLocalTime();
        if (nightStart.equals(nightEnd)) {
            return false;
        }
        if (nightStart.isAfter(nightEnd)) { // across midnight: 20:00 → 08:00
            return !time.isBefore(nightStart) || time.isBefore(nightEnd);
        }
        return !time.isBefore(nightStart) && time.isBefore(nightEnd);
    }

    /** The first moment from {@code at} when an SMS may leave: {@code at} itself by day, else the night's end. */
    public Instant earliestSms(Instant at) {
        if (!isNight(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(nightEnd) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        // a night's end in a daylight-saving gap moves to the first valid time after it
        return ZonedDateTime.of(day, nightEnd, zone).toInstant();
    }

    /** The town's calendar day of an instant: "one SMS per day" counts in it. */
    public LocalDate dayOf(Instant at) {
        return at.atZone(zone).toLocalDate();
    }
}
