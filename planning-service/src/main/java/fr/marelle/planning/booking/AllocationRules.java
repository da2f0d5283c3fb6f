package fr.marelle.planning.booking;

import fr.marelle.platform.errors.DomainException;

/** The rules of place allocation, named. */
final class AllocationRules {

    private AllocationRules() {
    }

    /** Capacity is never exceeded, and nobody jumps the line: while someone waits, no place is free for newcomers. */
    static int freePlaces(int capacity, int booked, int waiting) {
        return waiting > 0 ? 0 : Math.max(0, capacity - booked);
    }

    static void dayIsOpen(boolean closed, String reason) {
        if (closed) {
            throw DomainException.rule("SERVICE_DAY_CLOSED", "Ce jour est fermé"
                    + (reason == null ? "." : " (" + reason + ")."));
        }
    }

    static void closureHasAReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw DomainException.rule("CLOSURE_REASON_REQUIRED", "Indiquez le motif de la fermeture (200 caractères "
                    + "au plus).");
        }
    }

    static void onlyAClosedDayCancelsItsBookings(boolean closed) {
        if (!closed) {
            throw DomainException.rule("SERVICE_DAY_NOT_CLOSED", "Ce jour n'est pas fermé.");
        }
    }
}
