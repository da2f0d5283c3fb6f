package fr.marelle.contracts.planning;

import fr.marelle.contracts.ContractType;

import java.time.LocalDate;

/**
 * A freed place went to the first child in line: the booking is now booked (billing charges it; the family is told).
 * Key: the family id.
 */
public record WaitlistPlaceGranted(String bookingId, String familyId, String childId, String serviceId, LocalDate date) {

    public static final ContractType<WaitlistPlaceGranted> TYPE =
            new ContractType<>("planning", "WaitlistPlaceGranted", 1, WaitlistPlaceGranted.class);
}
