package fr.marelle.billing.charge;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Facts about a family's charges of one month. Who caused them is in the metadata. */
public final class ChargeEvents {

    private ChargeEvents() {
    }

    @Revision("1")
    public record MonthlyChargesOpened(String ledgerId, String familyId, YearMonth month) {
    }

    /** Charges now "à venir"; {@code orderId} is the order they belong to (for a waitlisted booking too). */
    @Revision("1")
    public record ChargesScheduled(String ledgerId, String familyId, ChargeCommands.ScheduleCause cause,
                                   UUID orderId, List<Charge> charges) {
    }

    /**
     * Scheduled charges that will not be due ({@code charges}); {@code unknownBookingIds} are bookings cancelled
     * before billing saw them (a closure that overtook the submission): they will never be charged.
     */
    @Revision("1")
    public record ChargesReleased(String ledgerId, String familyId, ChargeCommands.ReleaseReason reason,
                                  List<Charge> charges, List<String> unknownBookingIds) {
    }

    /** Due charges of one service-day: present, absent without excuse, present without booking. */
    @Revision("1")
    public record ChargesSettled(String ledgerId, String familyId, String serviceId, LocalDate date,
                                 List<Charge> charges) {
    }

    /** Charges not due: the absence was excused. */
    @Revision("1")
    public record ChargesWaived(String ledgerId, String familyId, String serviceId, LocalDate date,
                                List<Charge> charges) {
    }
}
