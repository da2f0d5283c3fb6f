package fr.marelle.billing.charge;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** What happens to a family's charges of one month. */
public final class ChargeCommands {

    private ChargeCommands() {
    }

    /** Why charges are scheduled: an order (a planning submission) or a waitlisted booking that got its place. */
    public enum ScheduleCause { ORDER, WAITLIST_PLACE_GRANTED }

    /** Why scheduled charges will not be due. */
    public enum ReleaseReason { CANCELLED, CLOSURE }

    public record ScheduleCharges(@TargetAggregateIdentifier String ledgerId, String familyId, YearMonth month,
                                  ScheduleCause cause, UUID orderId, List<Charge> charges) {
    }

    /** Bookings cancelled in time or by a closure of the day: their charges, if scheduled, are released. */
    public record ReleaseCharges(@TargetAggregateIdentifier String ledgerId, String familyId, YearMonth month,
                                 ReleaseReason reason, List<String> bookingIds) {
    }

    /** The register of a service-day for this family's children. */
    public record RecordAttendance(@TargetAggregateIdentifier String ledgerId, String familyId, YearMonth month,
                                   String serviceId, LocalDate date, List<Attendance> attendances) {
    }
}
