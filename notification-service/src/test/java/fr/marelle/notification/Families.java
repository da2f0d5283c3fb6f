package fr.marelle.notification;

import fr.marelle.contracts.accounts.FamilyRegistered;

import java.util.UUID;

/** Families registered in accounts-service, as their {@code FamilyRegistered} reaches notification-service. */
public final class Families {

    private Families() {
    }

    /** A registration: a new family id and event id, and an email address no other test uses. */
    public record Registration(String familyId, String eventId, String email, String firstName, String language,
                               String registeredBy) {

        public Registration inEnglish() {
            return new Registration(familyId, eventId, email, firstName, "en", registeredBy);
        }

        public Registration byStaff() {
            return new Registration(familyId, eventId, email, firstName, language, "STAFF");
        }

        public Registration byParent() {
            return new Registration(familyId, eventId, email, firstName, language, "PARENT");
        }
    }

    /** A family file opened by staff, with an email address: the registrations that get a welcome email. */
    public static Registration aRegistration() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new Registration(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "camille.martin." + suffix + "@example.org", "Camille", "fr", "STAFF");
    }

    /** Publishes the registration, {@code times} times with the same event id (a redelivery). */
    public static void publish(Registration registration, int times) {
        AccountEvents.publish(FamilyRegistered.TYPE, registration.familyId(), registration.eventId(),
                AccountEvents.values("familyId", registration.familyId(), "email", registration.email(),
                        "firstName", registration.firstName(), "language", registration.language(),
                        "registeredBy", registration.registeredBy()), times);
    }

    public static void publish(Registration registration) {
        publish(registration, 1);
    }
}
