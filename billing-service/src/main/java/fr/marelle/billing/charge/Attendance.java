package fr.marelle.billing.charge;

/**
 * What a child did on a service-day, as planning's register says, with the charge that applies if billing has not
 * seen the booking yet (the register can overtake the submission on Kafka: they travel on different keys);
 * {@code charge} is {@code null} when it could not be priced (no grid): billing must then know the booking.
 */
public record Attendance(String bookingId, String childId, Outcome outcome, java.util.UUID chargeId, Charge charge) {

    public enum Outcome {
        PRESENT,
        ABSENT_UNEXCUSED,
        ABSENT_EXCUSED,
        PRESENT_UNBOOKED;

        public static Outcome of(String state) {
            return Outcome.valueOf(state);
        }

        boolean isDue() {
            return this == PRESENT || this == ABSENT_UNEXCUSED || this == PRESENT_UNBOOKED;
        }
    }
}
