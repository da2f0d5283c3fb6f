package fr.marelle.contracts.planning;

import fr.marelle.contracts.ContractType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One submission of the planning form (or of the API): every child-day it asked for, booked or waitlisted. Billing
 * turns the booked lines into one order. Key: the family id.
 */
public record BookingsSubmitted(String submissionId, String familyId, Instant submittedAt, List<Line> lines) {

    /** One child on one service and day, and what became of the request: {@code BOOKED} or {@code WAITLISTED}. */
    public record Line(String bookingId, String childId, String serviceId, LocalDate date, String outcome) {
    }

    public static final ContractType<BookingsSubmitted> TYPE =
            new ContractType<>("planning", "BookingsSubmitted", 1, BookingsSubmitted.class);
}
