package fr.marelle.accounts.credentials;

import fr.marelle.accounts.guardian.AccountStatus;
import fr.marelle.accounts.guardian.GuardianEvents.AccountActivated;
import fr.marelle.accounts.guardian.GuardianEvents.AccountRefused;
import fr.marelle.accounts.guardian.GuardianEvents.EmailVerified;
import fr.marelle.accounts.guardian.GuardianEvents.GuardianProfileUpdated;
import fr.marelle.accounts.guardian.GuardianEvents.GuardianRegistered;
import fr.marelle.accounts.guardian.GuardianEvents.LoginEmailChanged;
import fr.marelle.accounts.guardian.GuardianEvents.LoginInvitationAccepted;
import fr.marelle.accounts.guardian.GuardianEvents.LoginInvitationSent;
import fr.marelle.accounts.staff.StaffEvents.SecondFactorReset;
import fr.marelle.accounts.staff.StaffEvents.StaffMemberCreated;
import fr.marelle.accounts.staff.StaffEvents.StaffMemberDeactivated;
import fr.marelle.accounts.staff.StaffEvents.StaffMemberReactivated;
import fr.marelle.accounts.staff.StaffEvents.StaffRoleChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the logins table in step with the events, in the same transaction as the command (a subscribing processor):
 * a login address is unique the moment it is claimed, and a status change applies to the very next login. The
 * table also holds what events never carry (hashes, seeds), so it is never rebuilt by a replay.
 */
@Component
@ProcessingGroup("credentials")
@DisallowReplay
class CredentialsProjection {

    private final JdbcClient jdbc;

    CredentialsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GuardianRegistered event) {
        jdbc.sql("""
                        INSERT INTO credential (user_id, kind, login_email, family_id, role, status, display_name,
                            language)
                        VALUES (?, 'PARENT', ?, ?, 'PARENT', ?, ?, ?)""")
                .params(event.guardianId().value(), CredentialStore.normalise(event.loginEmail()),
                        event.familyId().value(), event.status().name(),
                        event.profile().firstName() + " " + event.profile().lastName(),
                        event.profile().language())
                .update();
    }

    @EventHandler
    void on(LoginInvitationSent event) {
        jdbc.sql("UPDATE credential SET login_email = ?, status = ? WHERE user_id = ?")
                .params(CredentialStore.normalise(event.loginEmail()), AccountStatus.INVITED.name(),
                        event.guardianId().value())
                .update();
    }

    @EventHandler
    void on(LoginInvitationAccepted event) {
        status(event.guardianId().value(), AccountStatus.ACTIVE.name());
    }

    @EventHandler
    void on(EmailVerified event) {
        status(event.guardianId().value(), AccountStatus.AWAITING_ACTIVATION.name());
    }

    @EventHandler
    void on(AccountActivated event) {
        status(event.guardianId().value(), AccountStatus.ACTIVE.name());
    }

    @EventHandler
    void on(AccountRefused event) {
        status(event.guardianId().value(), AccountStatus.REFUSED.name());
    }

    @EventHandler
    void on(GuardianProfileUpdated event) {
        jdbc.sql("UPDATE credential SET display_name = ?, language = ? WHERE user_id = ?")
                .params(event.profile().firstName() + " " + event.profile().lastName(), event.profile().language(),
                        event.guardianId().value())
                .update();
    }

    @EventHandler
    void on(LoginEmailChanged event) {
        jdbc.sql("UPDATE credential SET login_email = ? WHERE user_id = ?")
                .params(CredentialStore.normalise(event.newEmail()), event.guardianId().value()).update();
    }

    @EventHandler
    void on(StaffMemberCreated event) {
        jdbc.sql("""
                        INSERT INTO credential (user_id, kind, login_email, role, status, display_name)
                        VALUES (?, 'STAFF', ?, ?, 'ACTIVE', ?)""")
                .params(event.staffId().value(), CredentialStore.normalise(event.email()), event.role().name(),
                        event.firstName() + " " + event.lastName())
                .update();
    }

    @EventHandler
    void on(StaffRoleChanged event) {
        jdbc.sql("UPDATE credential SET role = ? WHERE user_id = ?")
                .params(event.role().name(), event.staffId().value()).update();
    }

    @EventHandler
    void on(StaffMemberDeactivated event) {
        status(event.staffId().value(), "DISABLED");
    }

    @EventHandler
    void on(StaffMemberReactivated event) {
        status(event.staffId().value(), "ACTIVE");
    }

    @EventHandler
    void on(SecondFactorReset event) {
        jdbc.sql("UPDATE credential SET totp_secret = NULL, totp_enabled = false, recovery_codes = '{}' "
                + "WHERE user_id = ?").param(event.staffId().value()).update();
    }

    private void status(java.util.UUID userId, String status) {
        jdbc.sql("UPDATE credential SET status = ? WHERE user_id = ?").params(status, userId).update();
    }
}
