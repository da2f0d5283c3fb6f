package fr.marelle.accounts.family.query;

import fr.marelle.accounts.family.EmergencyContact;
import fr.marelle.accounts.family.FamilyEvents.CafNumberChanged;
import fr.marelle.accounts.family.FamilyEvents.EmergencyContactAdded;
import fr.marelle.accounts.family.FamilyEvents.EmergencyContactRemoved;
import fr.marelle.accounts.family.FamilyEvents.EmergencyContactUpdated;
import fr.marelle.accounts.family.FamilyEvents.FamilyAddressChanged;
import fr.marelle.accounts.family.FamilyEvents.FamilyFileOpened;
import fr.marelle.accounts.family.FamilyEvents.QuotientFamilialDeclared;
import fr.marelle.accounts.guardian.AccountStatus;
import fr.marelle.accounts.guardian.GuardianEvents.AccountActivated;
import fr.marelle.accounts.guardian.GuardianEvents.AccountRefused;
import fr.marelle.accounts.guardian.GuardianEvents.EmailVerified;
import fr.marelle.accounts.guardian.GuardianEvents.GuardianProfileUpdated;
import fr.marelle.accounts.guardian.GuardianEvents.GuardianRegistered;
import fr.marelle.accounts.guardian.GuardianEvents.LoginEmailChanged;
import fr.marelle.accounts.guardian.GuardianEvents.LoginInvitationAccepted;
import fr.marelle.accounts.guardian.GuardianEvents.LoginInvitationSent;
import fr.marelle.accounts.guardian.GuardianEvents.NewsletterConsentChanged;
import fr.marelle.accounts.guardian.GuardianProfile;
import fr.marelle.platform.audit.AuditMetadata;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** The directory staff search and the family file reads: families, their guardians and emergency contacts. */
@Component
@ProcessingGroup("family-directory")
@ProjectionTables({"rm_family", "rm_guardian", "rm_emergency_contact"})
class FamilyDirectoryProjection {

    private final JdbcClient jdbc;

    FamilyDirectoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FamilyFileOpened event, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_ROLE) String role) {
        jdbc.sql("""
                        INSERT INTO rm_family (family_id, address_line1, address_line2, postcode, city, opened_at,
                            opened_by_role)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (family_id) DO NOTHING""")
                .params(event.familyId().value(), event.address().line1(), event.address().line2(),
                        event.address().postcode(), event.address().city(), Timestamp.from(at),
                        role == null ? "SYSTEM" : role)
                .update();
        // the family's guardians may have been recorded first (events of other streams)
        refreshSearch(event.familyId().value());
    }

    @EventHandler
    void on(FamilyAddressChanged event) {
        jdbc.sql("UPDATE rm_family SET address_line1 = ?, address_line2 = ?, postcode = ?, city = ? "
                        + "WHERE family_id = ?")
                .params(event.address().line1(), event.address().line2(), event.address().postcode(),
                        event.address().city(), event.familyId().value())
                .update();
        refreshSearch(event.familyId().value());
    }

    @EventHandler
    void on(CafNumberChanged event) {
        jdbc.sql("UPDATE rm_family SET caf_number = ? WHERE family_id = ?")
                .params(event.cafNumber(), event.familyId().value()).update();
    }

    @EventHandler
    void on(QuotientFamilialDeclared event) {
        jdbc.sql("UPDATE rm_family SET quotient_familial = ? WHERE family_id = ?")
                .params(event.quotientFamilial(), event.familyId().value()).update();
    }

    @EventHandler
    void on(EmergencyContactAdded event) {
        EmergencyContact contact = event.contact();
        jdbc.sql("""
                        INSERT INTO rm_emergency_contact (contact_id, family_id, name, phone, can_pick_up_children,
                            position)
                        VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM rm_emergency_contact
                                                WHERE family_id = ?))
                        ON CONFLICT (contact_id) DO NOTHING""")
                .params(contact.contactId().value(), event.familyId().value(), contact.name(), contact.phone(),
                        contact.canPickUpChildren(), event.familyId().value())
                .update();
    }

    @EventHandler
    void on(EmergencyContactUpdated event) {
        EmergencyContact contact = event.contact();
        jdbc.sql("UPDATE rm_emergency_contact SET name = ?, phone = ?, can_pick_up_children = ? WHERE contact_id = ?")
                .params(contact.name(), contact.phone(), contact.canPickUpChildren(), contact.contactId().value())
                .update();
    }

    @EventHandler
    void on(EmergencyContactRemoved event) {
        jdbc.sql("DELETE FROM rm_emergency_contact WHERE contact_id = ?").param(event.contactId().value()).update();
    }

    @EventHandler
    void on(GuardianRegistered event, @org.axonframework.eventhandling.Timestamp Instant at) {
        GuardianProfile p = event.profile();
        jdbc.sql("""
                        INSERT INTO rm_guardian (guardian_id, family_id, origin, status, civility, first_name,
                            last_name, main_phone, secondary_phone, login_email, notification_email, secondary_email,
                            language, newsletter_consent, registered_at, search_text)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')
                        ON CONFLICT (guardian_id) DO NOTHING""")
                .params(event.guardianId().value(), event.familyId().value(), event.origin().name(),
                        event.status().name(), p.civility() == null ? null : p.civility().name(), p.firstName(),
                        p.lastName(), p.mainPhone(), p.secondaryPhone(), event.loginEmail(), p.notificationEmail(),
                        p.secondaryEmail(), p.language(), event.newsletterConsent(), Timestamp.from(at))
                .update();
        refreshSearch(event.familyId().value());
    }

    @EventHandler
    void on(GuardianProfileUpdated event) {
        GuardianProfile p = event.profile();
        jdbc.sql("""
                        UPDATE rm_guardian SET civility = ?, first_name = ?, last_name = ?, main_phone = ?,
                            secondary_phone = ?, notification_email = ?, secondary_email = ?, language = ?
                        WHERE guardian_id = ?""")
                .params(p.civility() == null ? null : p.civility().name(), p.firstName(), p.lastName(),
                        p.mainPhone(), p.secondaryPhone(), p.notificationEmail(), p.secondaryEmail(), p.language(),
                        event.guardianId().value())
                .update();
        refreshSearch(event.familyId().value());
    }

    @EventHandler
    void on(NewsletterConsentChanged event) {
        jdbc.sql("UPDATE rm_guardian SET newsletter_consent = ? WHERE guardian_id = ?")
                .params(event.consent(), event.guardianId().value()).update();
    }

    @EventHandler
    void on(LoginInvitationSent event) {
        jdbc.sql("UPDATE rm_guardian SET login_email = ?, status = ? WHERE guardian_id = ?")
                .params(event.loginEmail(), AccountStatus.INVITED.name(), event.guardianId().value()).update();
        refreshSearch(event.familyId().value());
    }

    @EventHandler
    void on(LoginInvitationAccepted event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE rm_guardian SET status = ?, activated_at = ? WHERE guardian_id = ?")
                .params(AccountStatus.ACTIVE.name(), Timestamp.from(at), event.guardianId().value()).update();
    }

    @EventHandler
    void on(EmailVerified event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE rm_guardian SET status = ?, email_verified_at = ? WHERE guardian_id = ?")
                .params(AccountStatus.AWAITING_ACTIVATION.name(), Timestamp.from(at), event.guardianId().value())
                .update();
    }

    @EventHandler
    void on(AccountActivated event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE rm_guardian SET status = ?, activated_at = ?, refusal_reason = NULL WHERE guardian_id = ?")
                .params(AccountStatus.ACTIVE.name(), Timestamp.from(at), event.guardianId().value()).update();
    }

    @EventHandler
    void on(AccountRefused event) {
        jdbc.sql("UPDATE rm_guardian SET status = ?, refusal_reason = ? WHERE guardian_id = ?")
                .params(AccountStatus.REFUSED.name(), event.reason(), event.guardianId().value()).update();
    }

    @EventHandler
    void on(LoginEmailChanged event) {
        jdbc.sql("UPDATE rm_guardian SET login_email = ?, "
                        + "notification_email = CASE WHEN notification_email = ? THEN ? ELSE notification_email END "
                        + "WHERE guardian_id = ?")
                .params(event.newEmail(), event.previousEmail(), event.newEmail(), event.guardianId().value())
                .update();
        refreshSearch(event.familyId().value());
    }

    /**
     * What staff search by: guardians' names and addresses, the family's city. Recomputed from both tables whichever
     * comes first, so that the text is the same whatever order the family's and its guardians' events are handled in.
     */
    private void refreshSearch(UUID familyId) {
        jdbc.sql("""
                        UPDATE rm_guardian g SET search_text = lower(concat_ws(' ', g.first_name, g.last_name,
                            g.login_email, g.notification_email, g.main_phone,
                            (SELECT f.city FROM rm_family f WHERE f.family_id = g.family_id),
                            (SELECT f.postcode FROM rm_family f WHERE f.family_id = g.family_id)))
                        WHERE g.family_id = ?""")
                .param(familyId).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_family, rm_guardian, rm_emergency_contact").update();
    }

}
