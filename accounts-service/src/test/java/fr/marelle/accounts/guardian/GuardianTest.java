package fr.marelle.accounts.guardian;

import fr.marelle.accounts.family.FamilyId;
import fr.marelle.accounts.guardian.GuardianCommands.AcceptLoginInvitation;
import fr.marelle.accounts.guardian.GuardianCommands.ActivateAccount;
import fr.marelle.accounts.guardian.GuardianCommands.ConfirmLoginEmailChange;
import fr.marelle.accounts.guardian.GuardianCommands.InviteGuardianToLogIn;
import fr.marelle.accounts.guardian.GuardianCommands.RecordGuardianWithoutLogin;
import fr.marelle.accounts.guardian.GuardianCommands.RefuseAccount;
import fr.marelle.accounts.guardian.GuardianCommands.RegisterGuardian;
import fr.marelle.accounts.guardian.GuardianCommands.RequestEmailVerification;
import fr.marelle.accounts.guardian.GuardianCommands.RequestLoginEmailChange;
import fr.marelle.accounts.guardian.GuardianCommands.RequestPasswordReset;
import fr.marelle.accounts.guardian.GuardianCommands.CompletePasswordReset;
import fr.marelle.accounts.guardian.GuardianCommands.UpdateGuardianProfile;
import fr.marelle.accounts.guardian.GuardianCommands.VerifyEmail;
import fr.marelle.accounts.guardian.GuardianEvents.AccountActivated;
import fr.marelle.accounts.guardian.GuardianEvents.AccountRefused;
import fr.marelle.accounts.guardian.GuardianEvents.EmailVerificationRequested;
import fr.marelle.accounts.guardian.GuardianEvents.EmailVerified;
import fr.marelle.accounts.guardian.GuardianEvents.GuardianProfileUpdated;
import fr.marelle.accounts.guardian.GuardianEvents.GuardianRegistered;
import fr.marelle.accounts.guardian.GuardianEvents.LoginEmailChangeRequested;
import fr.marelle.accounts.guardian.GuardianEvents.LoginEmailChanged;
import fr.marelle.accounts.guardian.GuardianEvents.LoginInvitationAccepted;
import fr.marelle.accounts.guardian.GuardianEvents.LoginInvitationSent;
import fr.marelle.accounts.guardian.GuardianEvents.PasswordReset;
import fr.marelle.accounts.guardian.GuardianEvents.PasswordResetRequested;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

class GuardianTest {

    static final Instant NOW = Instant.parse("2026-09-01T07:00:00Z");
    final GuardianId id = GuardianId.random();
    final FamilyId family = FamilyId.random();
    final GuardianProfile profile = new GuardianProfile(Civility.MADAME, "Camille", "Martin", "+33612345678", null,
            null, null, "fr");
    AggregateTestFixture<Guardian> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Guardian.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    GuardianRegistered registered() {
        return new GuardianRegistered(id, family, RegistrationOrigin.SELF, profile, "camille@example.org", true,
                AccountStatus.EMAIL_UNVERIFIED);
    }

    EmailVerificationRequested verificationRequested(String requestId, Instant expiresAt) {
        return new EmailVerificationRequested(id, family, "camille@example.org", requestId, expiresAt);
    }

    @Nested
    class Registering {
        @Test
        void a_registered_parent_must_confirm_the_address() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterGuardian(id, family, profile, "camille@example.org", true, "r1",
                            NOW.plusSeconds(48 * 3600)))
                    .expectEvents(registered(), verificationRequested("r1", NOW.plusSeconds(48 * 3600)));
        }

        @Test
        void refuses_a_profile_without_a_main_phone() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterGuardian(id, family, new GuardianProfile(null, "Camille", "Martin", " ", null,
                            null, null, "fr"), "camille@example.org", false, "r1", NOW))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Le prénom, le nom et le téléphone principal sont obligatoires.");
        }

        @Test
        void staff_record_a_guardian_without_a_login() {
            fixture.givenNoPriorActivity()
                    .when(new RecordGuardianWithoutLogin(id, family, profile))
                    .expectEvents(new GuardianRegistered(id, family, RegistrationOrigin.STAFF, profile, null, false,
                            AccountStatus.NO_LOGIN));
        }
    }

    @Nested
    class VerifyingTheAddress {
        @Test
        void the_link_of_the_pending_request_confirms_the_address() {
            fixture.given(registered(), verificationRequested("r1", NOW.plusSeconds(60)))
                    .when(new VerifyEmail(id, "r1"))
                    .expectEvents(new EmailVerified(id, family, "camille@example.org"));
        }

        @Test
        void refuses_an_expired_link() {
            fixture.given(registered(), verificationRequested("r1", NOW.minusSeconds(1)))
                    .when(new VerifyEmail(id, "r1"))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Ce lien n'est plus valable : il a déjà servi ou il a expiré.");
        }

        @Test
        void refuses_a_link_replaced_by_a_newer_one() {
            fixture.given(registered(), verificationRequested("r1", NOW.plusSeconds(60)),
                            verificationRequested("r2", NOW.plusSeconds(60)))
                    .when(new VerifyEmail(id, "r1"))
                    .expectException(DomainException.class);
        }

        @Test
        void refuses_a_link_used_once_already() {
            fixture.given(registered(), verificationRequested("r1", NOW.plusSeconds(60)),
                            new EmailVerified(id, family, "camille@example.org"))
                    .when(new VerifyEmail(id, "r1"))
                    .expectException(DomainException.class);
        }

        @Test
        void resending_once_verified_sends_nothing() {
            fixture.given(registered(), verificationRequested("r1", NOW.plusSeconds(60)),
                            new EmailVerified(id, family, "camille@example.org"))
                    .when(new RequestEmailVerification(id, "r2", NOW.plusSeconds(60)))
                    .expectNoEvents();
        }
    }

    @Nested
    class Activating {
        @Test
        void staff_activate_an_account_whose_address_is_confirmed() {
            fixture.given(registered(), new EmailVerified(id, family, "camille@example.org"))
                    .when(new ActivateAccount(id))
                    .expectEvents(new AccountActivated(id, family));
        }

        @Test
        void refuses_to_activate_before_the_address_is_confirmed() {
            fixture.given(registered())
                    .when(new ActivateAccount(id))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Le compte ne peut être activé qu'une fois l'adresse e-mail validée.");
        }

        @Test
        void a_refusal_states_its_reason() {
            fixture.given(registered(), new EmailVerified(id, family, "camille@example.org"))
                    .when(new RefuseAccount(id, "  Aucun enfant scolarisé à Vincey. "))
                    .expectEvents(new AccountRefused(id, family, "Aucun enfant scolarisé à Vincey."));
        }

        @Test
        void refuses_a_refusal_without_a_reason() {
            fixture.given(registered(), new EmailVerified(id, family, "camille@example.org"))
                    .when(new RefuseAccount(id, " "))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Indiquez le motif du refus.");
        }

        @Test
        void an_active_account_cannot_be_refused() {
            fixture.given(registered(), new EmailVerified(id, family, "camille@example.org"),
                            new AccountActivated(id, family))
                    .when(new RefuseAccount(id, "trop tard"))
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class ChangingTheLoginAddress {
        @Test
        void the_new_address_confirms_and_the_change_records_the_previous_one() {
            fixture.given(registered(), new EmailVerified(id, family, "camille@example.org"),
                            new AccountActivated(id, family),
                            new LoginEmailChangeRequested(id, family, "c.new@example.org", "e1", NOW.plusSeconds(60)))
                    .when(new ConfirmLoginEmailChange(id, "e1"))
                    .expectEvents(new LoginEmailChanged(id, family, "camille@example.org", "c.new@example.org"));
        }

        @Test
        void refuses_the_current_address_as_new() {
            fixture.given(registered())
                    .when(new RequestLoginEmailChange(id, "camille@example.org", "e1", NOW.plusSeconds(60)))
                    .expectException(DomainException.class);
        }

        @Test
        void a_guardian_without_a_login_has_no_address_to_change() {
            fixture.given(new GuardianRegistered(id, family, RegistrationOrigin.STAFF, profile, null, false,
                            AccountStatus.NO_LOGIN))
                    .when(new RequestLoginEmailChange(id, "x@example.org", "e1", NOW.plusSeconds(60)))
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class ResettingThePassword {
        @Test
        void a_reset_link_works_once_within_its_hour() {
            fixture.given(registered(), new PasswordResetRequested(id, family, "camille@example.org", "p1",
                            NOW.plusSeconds(3600)))
                    .when(new CompletePasswordReset(id, "p1"))
                    .expectEvents(new PasswordReset(id, family));
        }

        @Test
        void a_used_reset_link_is_refused() {
            fixture.given(registered(), new PasswordResetRequested(id, family, "camille@example.org", "p1",
                            NOW.plusSeconds(3600)), new PasswordReset(id, family))
                    .when(new CompletePasswordReset(id, "p1"))
                    .expectException(DomainException.class);
        }

        @Test
        void a_guardian_without_a_login_gets_no_reset_and_no_error() {
            fixture.given(new GuardianRegistered(id, family, RegistrationOrigin.STAFF, profile, null, false,
                            AccountStatus.NO_LOGIN))
                    .when(new RequestPasswordReset(id, "p1", NOW.plusSeconds(3600)))
                    .expectNoEvents();
        }
    }

    @Nested
    class Inviting {
        @Test
        void an_invited_guardian_who_chooses_a_password_is_active() {
            fixture.given(new GuardianRegistered(id, family, RegistrationOrigin.STAFF, profile, null, false,
                            AccountStatus.NO_LOGIN),
                            new LoginInvitationSent(id, family, "dom@example.org", "i1", NOW.plusSeconds(60), "Camille"))
                    .when(new AcceptLoginInvitation(id, "i1"))
                    .expectEvents(new LoginInvitationAccepted(id, family, "dom@example.org"));
        }

        @Test
        void a_guardian_with_a_login_is_not_invited_again() {
            fixture.given(registered())
                    .when(new InviteGuardianToLogIn(id, "x@example.org", "i1", NOW.plusSeconds(60)))
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class UpdatingTheProfile {
        @Test
        void an_unchanged_profile_records_nothing() {
            fixture.given(registered())
                    .when(new UpdateGuardianProfile(id, profile))
                    .expectNoEvents();
        }

        @Test
        void a_changed_profile_is_recorded_whole() {
            GuardianProfile changed = new GuardianProfile(Civility.MADAME, "Camille", "Martin-Durand",
                    "+33612345678", "+33329000000", "c@example.org", null, "en");
            fixture.given(registered())
                    .when(new UpdateGuardianProfile(id, changed))
                    .expectEvents(new GuardianProfileUpdated(id, family, changed));
        }
    }
}
