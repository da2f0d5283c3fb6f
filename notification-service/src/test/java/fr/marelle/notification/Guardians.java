package fr.marelle.notification;

import fr.marelle.contracts.accounts.GuardianRegistered;
import fr.marelle.notification.directory.RecipientDirectory;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static fr.marelle.notification.AccountEvents.values;

/** Guardians as accounts-service registers them, with an email address and a mobile number no other test uses. */
public final class Guardians {

    private Guardians() {
    }

    /** A guardian of a new family; {@code mobile} is {@code null} for one without a mobile number. */
    public record Guardian(String familyId, String guardianId, String firstName, String email, String mobile,
                           String language, boolean newsletterConsent) {

        public Guardian inEnglish() {
            return new Guardian(familyId, guardianId, firstName, email, mobile, "en", newsletterConsent);
        }

        public Guardian withoutMobile() {
            return new Guardian(familyId, guardianId, firstName, email, null, language, newsletterConsent);
        }

        public Guardian withoutNewsletter() {
            return new Guardian(familyId, guardianId, firstName, email, mobile, language, false);
        }

        /** A second guardian of the same family. */
        public Guardian partner(String partnerFirstName) {
            return new Guardian(familyId, UUID.randomUUID().toString(), partnerFirstName, anEmail(), aMobile(),
                    language, newsletterConsent);
        }
    }

    public static Guardian aGuardian() {
        return new Guardian(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Camille", anEmail(),
                aMobile(), "fr", true);
    }

    public static String anEmail() {
        return "parent." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** A French mobile number in E.164, +3361 and seven digits. */
    public static String aMobile() {
        return "+3361" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    /** accounts-service publishes the guardian; answers once the directory knows them. */
    public static Guardian registered(Guardian guardian, RecipientDirectory directory) {
        AccountEvents.publish(GuardianRegistered.TYPE, guardian.familyId(), values(
                "familyId", guardian.familyId(), "guardianId", guardian.guardianId(),
                "firstName", guardian.firstName(), "lastName", "Martin", "loginEmail", guardian.email(),
                "notificationEmail", null, "mainPhone", guardian.mobile(), "secondaryPhone", null,
                "language", guardian.language(), "newsletterConsent", guardian.newsletterConsent(),
                "origin", "SELF"));
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> directory.guardian(guardian.guardianId()).isPresent());
        return guardian;
    }
}
