package fr.marelle.systemtests.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Planning-service's public facts about days that are already over, published on the portal's broker in their
 * contract's shape (planning.BookingsSubmitted.v1, planning.AttendanceSettled.v1). Booking through planning's own
 * pages is only possible for days to come, and a register only exists for a day that came, while a month's invoices
 * are only issued once the month is over: a journey that invoices a month publishes what planning would have.
 */
public final class PlanningFacts {

    /** One booked child-day of a submission. */
    public record Booking(String bookingId, String familyId, String childId, String serviceId, LocalDate date) {
    }

    private PlanningFacts() {
    }

    /** A family's submission: each child booked on each day for the service, submitted at the given instant. */
    public static List<Booking> submitted(Broker kafka, String familyId, String serviceId, List<String> children,
                                          List<LocalDate> days, Instant submittedAt) {
        List<Booking> bookings = new ArrayList<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (LocalDate day : days) {
            for (String child : children) {
                Booking booking = new Booking(UUID.randomUUID().toString(), familyId, child, serviceId, day);
                bookings.add(booking);
                lines.add(Map.of("bookingId", booking.bookingId(), "childId", child, "serviceId", serviceId,
                        "date", day.toString(), "outcome", "BOOKED"));
            }
        }
        kafka.publish("planning.BookingsSubmitted.v1", familyId, Map.of("submissionId", UUID.randomUUID().toString(),
                "familyId", familyId, "submittedAt", submittedAt.toString(), "lines", lines));
        return bookings;
    }

    /**
     * A service-day's register closed: each of the day's bookings given in the same state (PRESENT, ABSENT_EXCUSED…),
     * in the flow of the given correlation id.
     */
    public static void settled(Broker kafka, String serviceId, LocalDate day, List<Booking> bookings, String state,
                               String correlationId) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Booking booking : bookings) {
            if (!booking.date().equals(day) || !booking.serviceId().equals(serviceId)) {
                throw new IllegalArgumentException(booking + " is not a booking of " + serviceId + "@" + day);
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("bookingId", booking.bookingId());
            record.put("childId", booking.childId());
            record.put("familyId", booking.familyId());
            record.put("state", state);
            record.put("hours", 2.0);
            records.add(record);
        }
        kafka.publish("planning.AttendanceSettled.v1", serviceId + "@" + day, Map.of("serviceId", serviceId,
                "date", day.toString(), "schoolId", UUID.randomUUID().toString(), "closedAt", Instant.now().toString(),
                "records", records), correlationId);
    }

    /** The bookings of one day. */
    public static List<Booking> on(List<Booking> bookings, LocalDate day) {
        return bookings.stream().filter(b -> b.date().equals(day)).toList();
    }
}
