package fr.marelle.planning.attendance;

import fr.marelle.platform.errors.DomainException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The rules of an attendance register, named. */
final class RegisterRules {

    static final Set<String> STATES = Set.of(Register.PRESENT, Register.ABSENT_UNEXCUSED, Register.ABSENT_EXCUSED,
            Register.PRESENT_UNBOOKED);

    private RegisterRules() {
    }

    /** A register opens on its day and closes once; a closed day is settled and stays as it is. */
    static void isOpen(boolean closed, LocalDate date, LocalDate today) {
        if (closed) {
            throw DomainException.conflict("REGISTER_CLOSED", "Ce registre est clos.");
        }
        if (date.isAfter(today)) {
            throw DomainException.rule("REGISTER_NOT_OPEN", "Le pointage ouvre le jour même.");
        }
    }

    /** A booked child is present or absent (with or without excuse); a child without booking can only be present. */
    static void markIsConsistent(Register.Mark mark) {
        if (!STATES.contains(mark.state())) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains champs sont invalides.",
                    List.of(new fr.marelle.platform.errors.FieldViolation("state", "INVALID", "État inconnu.")));
        }
        boolean unbooked = Register.PRESENT_UNBOOKED.equals(mark.state());
        if (unbooked != (mark.bookingId() == null)) {
            throw DomainException.rule("ATTENDANCE_INCONSISTENT", unbooked
                    ? "Cet enfant a une réservation ce jour : pointez-le présent ou absent."
                    : "Cet enfant n'a pas de réservation ce jour : ajoutez-le comme présent sans réservation.");
        }
        if (mark.hours() == null || mark.hours().signum() < 0 || mark.hours().compareTo(BigDecimal.valueOf(12)) > 0) {
            throw DomainException.rule("ATTENDANCE_HOURS_INVALID", "Les heures vont de 0 à 12.");
        }
    }

    static void everyBookedChildIsAccountedFor(List<UUID> unmarked, String remainingAs) {
        if (!unmarked.isEmpty()) {
            throw DomainException.rule("REGISTER_INCOMPLETE", unmarked.size() == 1
                    ? "Un enfant n'est pas pointé." : unmarked.size() + " enfants ne sont pas pointés.");
        }
        if (remainingAs != null && !Register.PRESENT.equals(remainingAs)
                && !Register.ABSENT_UNEXCUSED.equals(remainingAs)) {
            throw DomainException.rule("ATTENDANCE_INCONSISTENT", "Les enfants non pointés sont présents ou absents.");
        }
    }

    /** The CAF funds hours actually attended: an absent child counts none. */
    static BigDecimal hoursFor(String state, BigDecimal hoursPerUnit) {
        return Register.PRESENT.equals(state) || Register.PRESENT_UNBOOKED.equals(state) ? hoursPerUnit
                : BigDecimal.ZERO;
    }
}
