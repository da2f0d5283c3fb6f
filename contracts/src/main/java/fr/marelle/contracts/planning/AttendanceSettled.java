package fr.marelle.contracts.planning;

import fr.marelle.contracts.ContractType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A service-day's register was closed: what each child did, in one batch. {@code state} is {@code PRESENT},
 * {@code ABSENT_UNEXCUSED}, {@code ABSENT_EXCUSED} (e.g. a sick child with a certificate) or
 * {@code PRESENT_UNBOOKED}; {@code bookingId} is null for a child present without booking; {@code hours} counts the
 * attendance for the CAF. Billing settles or waives the charges. Key: {@code serviceId + "@" + date}.
 */
public record AttendanceSettled(String serviceId, LocalDate date, String schoolId, Instant closedAt,
                                List<Record> records) {

    public record Record(String bookingId, String childId, String familyId, String state, BigDecimal hours) {
    }

    public static final ContractType<AttendanceSettled> TYPE =
            new ContractType<>("planning", "AttendanceSettled", 1, AttendanceSettled.class);
}
