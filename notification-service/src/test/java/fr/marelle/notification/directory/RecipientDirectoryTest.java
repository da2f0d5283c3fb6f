package fr.marelle.notification.directory;

import fr.marelle.contracts.accounts.FamilyAddressChanged;
import fr.marelle.contracts.accounts.GuardianProfileUpdated;
import fr.marelle.contracts.accounts.GuardianRegistered;
import fr.marelle.contracts.accounts.NewsletterConsentChanged;
import fr.marelle.notification.AccountEvents;
import fr.marelle.notification.directory.RecipientDirectory.GuardianContact;
import fr.marelle.notification.directory.RecipientDirectory.PostalAddress;
import fr.marelle.notification.directory.RecipientDirectory.Recipient;
import fr.marelle.notification.message.Channel;
import fr.marelle.platform.test.MarelleServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static fr.marelle.notification.AccountEvents.values;
import static fr.marelle.notification.message.TestMessages.anAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The directory of who to write to, kept from accounts-service's facts (their contract examples, on Kafka). */
@MarelleServiceTest
class RecipientDirectoryTest {

    @Autowired
    RecipientDirectory directory;

    @Test
    void follows_registrations_profile_changes_consent_and_address_changes_and_says_who_to_write_to_on_each_channel() {
        String familyId = UUID.randomUUID().toString();
        String camille = UUID.randomUUID().toString();
        String dominique = UUID.randomUUID().toString();
        String login = anAddress();
        String chosen = anAddress();
        String secondary = anAddress();
        String dominiqueAddress = anAddress();
        AccountEvents.publish(GuardianRegistered.TYPE, familyId, values("familyId", familyId, "guardianId", camille,
                "firstName", "Camille", "lastName", "Martin", "mainPhone", "+33612345678", "loginEmail", login,
                "notificationEmail", null, "language", "fr", "newsletterConsent", true, "origin", "SELF"));
        AccountEvents.publish(FamilyAddressChanged.TYPE, familyId, values("familyId", familyId,
                "line1", "3 rue de la Gare", "line2", null, "postcode", "88450", "city", "Vincey"));
        // a second guardian, recorded by staff: no login, a landline only
        AccountEvents.publish(GuardianRegistered.TYPE, familyId, values("familyId", familyId,
                "guardianId", dominique, "civility", "MONSIEUR", "firstName", "Dominique", "lastName", "Martin",
                "mainPhone", "+33329000000", "secondaryPhone", null, "loginEmail", null,
                "notificationEmail", dominiqueAddress, "language", "en", "newsletterConsent", false,
                "origin", "STAFF"));
        AccountEvents.publish(GuardianProfileUpdated.TYPE, familyId, values("familyId", familyId,
                "guardianId", camille, "firstName", "Camille", "lastName", "Martin-Durand",
                "mainPhone", "+33329111111", "secondaryPhone", "+33698765432", "notificationEmail", chosen,
                "secondaryEmail", secondary, "language", "en"));
        AccountEvents.publish(NewsletterConsentChanged.TYPE, familyId, values("familyId", familyId,
                "guardianId", camille, "consent", false));
        AccountEvents.publish(FamilyAddressChanged.TYPE, familyId, values("familyId", familyId,
                "line1", "12 avenue des Tilleuls", "line2", "Bâtiment B", "postcode", "88450", "city", "Vincey"));

        // a family's facts are applied in order: the last one seen means every one before it is
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.addressOf(familyId)
                .map(address -> address.line1().equals("12 avenue des Tilleuls")).orElse(false));

        assertThat(directory.guardiansOf(familyId)).extracting(GuardianContact::firstName)
                .containsExactly("Camille", "Dominique");
        assertThat(directory.guardian(camille).orElseThrow()).satisfies(contact -> {
            assertThat(contact.familyId()).hasToString(familyId);
            assertThat(contact.lastName()).isEqualTo("Martin-Durand");
            assertThat(contact.loginEmail()).isEqualTo(login);
            assertThat(contact.notificationEmail()).isEqualTo(chosen);
            assertThat(contact.secondaryEmail()).isEqualTo(secondary);
            assertThat(contact.mainPhone()).isEqualTo("+33329111111");
            assertThat(contact.language()).isEqualTo("en");
            assertThat(contact.newsletterConsent()).isFalse();
        });
        assertThat(directory.recipientsOf(familyId, Channel.EMAIL)).containsExactly(
                new Recipient(UUID.fromString(camille), Channel.EMAIL, chosen, "Camille", "en"),
                new Recipient(UUID.fromString(dominique), Channel.EMAIL, dominiqueAddress, "Dominique", "en"));
        // SMS only to mobiles: Camille's second phone, and nobody else
        assertThat(directory.recipientsOf(familyId, Channel.SMS)).containsExactly(
                new Recipient(UUID.fromString(camille), Channel.SMS, "+33698765432", "Camille", "en"));
        assertThat(directory.addressOf(familyId)).contains(
                new PostalAddress("12 avenue des Tilleuls", "Bâtiment B", "88450", "Vincey"));
    }

    @Test
    void knows_nobody_in_a_family_it_never_heard_of() {
        String unknown = UUID.randomUUID().toString();

        assertThat(directory.guardiansOf(unknown)).isEmpty();
        assertThat(directory.recipientsOf(unknown, Channel.EMAIL)).isEmpty();
        assertThat(directory.addressOf(unknown)).isEmpty();
        assertThat(directory.guardian("not-an-id")).isEmpty();
    }
}
