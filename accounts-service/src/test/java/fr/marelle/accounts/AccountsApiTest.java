package fr.marelle.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.accounts.credentials.SecondFactor;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ReadModelChecks;
import fr.marelle.platform.test.RoleMatrix;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestServiceTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Parent accounts and staff access through the API the gateway uses, on the real database and broker. */
@MarelleServiceTest
@TestPropertySource(properties = {"marelle.admin.email=premier.admin@vincey.test",
        "marelle.admin.password=" + AccountsApiTest.ADMIN_PASSWORD, "marelle.portal.url=https://portail.vincey.test"})
class AccountsApiTest {

    static final String ADMIN_EMAIL = "premier.admin@vincey.test";
    static final String ADMIN_PASSWORD = "Premier-Admin-2026!";
    static final String PASSWORD = "Hirondelle-2026!";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ServiceApi api() {
        return new ServiceApi(port);
    }

    ServiceApi.Caller gateway() {
        return api().as(TestServiceTokens.gateway());
    }

    ServiceApi.Caller gatewayFrom(String ip) {
        return api().as(new Actor("system:gateway", Role.SYSTEM, null, ip));
    }

    ServiceApi.Caller staff(Role role) {
        return api().as(TestServiceTokens.staff(role));
    }

    static String email() {
        return "parent." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static Map<String, Object> registration(String email) {
        Map<String, Object> r = new HashMap<>();
        r.put("civility", "MADAME");
        r.put("firstName", "Camille");
        r.put("lastName", "Martin");
        r.put("mainPhone", "06 12 34 56 78");
        r.put("addressLine1", "3 rue de la Gare");
        r.put("postcode", "88450");
        r.put("city", "Vincey");
        r.put("cafNumber", "1234567");
        r.put("quotientFamilial", 850);
        r.put("newsletterConsent", true);
        r.put("email", email);
        r.put("password", PASSWORD);
        r.put("passwordConfirmation", PASSWORD);
        return r;
    }

    record Parent(String userId, String familyId, String email) {
        Actor actor() {
            return new Actor(userId, Role.PARENT, familyId, "203.0.113.9");
        }
    }

    Parent register() {
        String email = email();
        ServiceApi.Response r = gateway().post("/api/registrations", registration(email));
        assertThat(r.status()).isEqualTo(201);
        return new Parent(r.body().path("userId").asText(), r.body().path("familyId").asText(), email);
    }

    String requestId(String userId, String purpose) {
        return jdbc.sql("SELECT request_id FROM account_link WHERE user_id = ?::uuid AND purpose = ? "
                        + "ORDER BY created_at DESC LIMIT 1")
                .params(userId, purpose).query(String.class).single();
    }

    /** What notification-service does when it writes the email: a link minted for the request. */
    String tokenFor(String userId, String purpose) {
        ServiceApi.Response link = api().asPeer("notification").post("/api/account-links",
                Map.of("requestId", requestId(userId, purpose)));
        assertThat(link.status()).isEqualTo(200);
        String query = URI.create(link.body().path("url").asText()).getQuery();
        return query.substring("jeton=".length());
    }

    Parent activeParent() {
        Parent parent = register();
        assertThat(gateway().post("/api/email-verifications",
                Map.of("token", tokenFor(parent.userId(), "EMAIL_VERIFICATION"))).status()).isEqualTo(200);
        assertThat(staff(Role.ADMIN).post("/api/guardians/" + parent.userId() + "/activation", Map.of()).status())
                .isEqualTo(204);
        return parent;
    }

    String status(String userId) {
        return jdbc.sql("SELECT status FROM credential WHERE user_id = ?::uuid").param(userId)
                .query(String.class).single();
    }

    long events() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    ServiceApi.Response login(String email, String password) {
        return gateway().post("/api/authentication", Map.of("email", email, "password", password));
    }

    @Nested
    class Registration {

        @Test
        void a_parent_registers_with_every_field_and_must_confirm_the_address() {
            Parent parent = register();
            assertThat(status(parent.userId())).isEqualTo("EMAIL_UNVERIFIED");
            List<String> types = jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier IN "
                            + "(?, ?) ORDER BY global_index")
                    .params(parent.userId(), parent.familyId()).query(String.class).list();
            assertThat(types).anyMatch(t -> t.endsWith("FamilyFileOpened"))
                    .anyMatch(t -> t.endsWith("GuardianRegistered"))
                    .anyMatch(t -> t.endsWith("EmailVerificationRequested"));
            String payloads = new String(jdbc.sql("SELECT string_agg(convert_from(payload, 'UTF8') || "
                    + "convert_from(meta_data, 'UTF8'), ' ') FROM domain_event_entry").query(String.class).single());
            assertThat(payloads).doesNotContain(PASSWORD).doesNotContain("$argon2");
        }

        @Test
        void each_invalid_field_gets_its_french_message_and_nothing_is_stored() {
            long before = events();
            Map<String, Object> bad = registration(email());
            bad.put("firstName", "");
            bad.put("email", "pas-une-adresse");
            bad.put("mainPhone", "+44 20 7946 0958");
            bad.put("postcode", "8845");
            bad.put("cafNumber", "123456");
            bad.put("quotientFamilial", -5);
            bad.put("passwordConfirmation", "autre chose");
            ServiceApi.Response refused = gateway().post("/api/registrations", bad);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
            Map<String, String> errors = errors(refused);
            assertThat(errors).containsEntry("firstName", "Le prénom est obligatoire.")
                    .containsEntry("email", "L'adresse e-mail n'est pas valide.")
                    .containsEntry("mainPhone", "Ce numéro de téléphone n'est pas un numéro français valide.")
                    .containsEntry("postcode", "Le code postal compte 5 chiffres.")
                    .containsEntry("cafNumber", "Le numéro d'allocataire CAF compte 7 chiffres, sans la lettre.")
                    .containsEntry("quotientFamilial", "Le quotient familial est un nombre entier positif.")
                    .containsEntry("passwordConfirmation", "Les deux mots de passe ne sont pas identiques.");

            Map<String, Object> weak = registration(email());
            weak.put("password", "court");
            weak.put("passwordConfirmation", "court");
            assertThat(errors(gateway().post("/api/registrations", weak)).get("password"))
                    .startsWith("Le mot de passe doit compter au moins 12 caractères");

            ServiceApi.Response notANumber = gateway().post("/api/registrations",
                    "{\"quotientFamilial\": \"beaucoup\"}");
            assertThat(notANumber.status()).isEqualTo(400);
            assertThat(notANumber.body().path("errors").get(0).path("field").asText()).isEqualTo("quotientFamilial");
            assertThat(events()).isEqualTo(before);
        }

        @Test
        void an_address_already_registered_gets_the_same_answer_and_its_owner_is_told() {
            Parent owner = register();
            ServiceApi.Response again = gateway().post("/api/registrations", registration(owner.email()));
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.body().path("status").asText()).isEqualTo("EMAIL_UNVERIFIED");
            assertThat(again.body().path("userId").asText()).isNotEqualTo(owner.userId());
            assertThat(jdbc.sql("SELECT count(*) FROM credential WHERE login_email = ?").param(owner.email())
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                            + "AND payload_type LIKE '%RegistrationAttemptedWithExistingEmail'")
                    .param(owner.userId()).query(Long.class).single()).isEqualTo(1);
        }

        @Test
        void concurrent_registrations_of_one_address_create_one_account() throws Exception {
            String email = email();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> gateway().post("/api/registrations", registration(email)).status()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
            pool.shutdown();
            assertThat(jdbc.sql("SELECT count(*) FROM credential WHERE login_email = ?").param(email)
                    .query(Long.class).single()).isEqualTo(1);
        }

        @Test
        void only_the_gateway_registers_parents() {
            assertThat(api().as(TestServiceTokens.parentOf(UUID.randomUUID().toString()))
                    .post("/api/registrations", registration(email())).code()).isEqualTo("FORBIDDEN_CALLER");
            assertThat(api().asPeer("notification").post("/api/registrations", registration(email())).status())
                    .isEqualTo(403);
        }
    }

    @Nested
    class Login {

        @Test
        void a_wrong_password_and_an_unknown_address_get_the_same_answer() {
            Parent parent = register();
            ServiceApi.Response ok = login(parent.email(), PASSWORD);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body().path("status").asText()).isEqualTo("EMAIL_UNVERIFIED");
            assertThat(ok.body().path("role").asText()).isEqualTo("PARENT");
            assertThat(ok.body().path("familyId").asText()).isEqualTo(parent.familyId());
            ServiceApi.Response wrong = login(parent.email(), "Mauvais-Mot-2026!");
            ServiceApi.Response unknown = login(email(), "Mauvais-Mot-2026!");
            assertThat(wrong.status()).isEqualTo(unknown.status()).isEqualTo(422);
            assertThat(wrong.code()).isEqualTo(unknown.code()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(wrong.body().path("detail")).isEqualTo(unknown.body().path("detail"));
        }

        @Test
        void attempts_are_throttled_per_address_and_client_without_locking_the_owner_out() {
            Parent parent = register();
            ServiceApi.Caller attacker = gatewayFrom("198.51.100.66");
            for (int i = 0; i < 5; i++) {
                assertThat(attacker.post("/api/authentication", Map.of("email", parent.email(),
                        "password", "Mauvais-Mot-2026!")).code()).isEqualTo("INVALID_CREDENTIALS");
            }
            ServiceApi.Response throttled = attacker.post("/api/authentication",
                    Map.of("email", parent.email(), "password", PASSWORD));
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.code()).isEqualTo("TOO_MANY_ATTEMPTS");
            assertThat(gatewayFrom("192.0.2.10").post("/api/authentication",
                    Map.of("email", parent.email(), "password", PASSWORD)).status()).isEqualTo(200);
        }
    }

    @Nested
    class ConfirmationAndActivation {

        @Test
        void a_confirmed_address_waits_for_staff_who_activate_it() {
            Parent parent = register();
            String token = tokenFor(parent.userId(), "EMAIL_VERIFICATION");
            assertThat(gateway().post("/api/link-checks", Map.of("token", token, "purpose", "EMAIL_VERIFICATION"))
                    .body().path("valid").asBoolean()).isTrue();
            assertThat(gateway().post("/api/email-verifications", Map.of("token", token)).status()).isEqualTo(200);
            assertThat(status(parent.userId())).isEqualTo("AWAITING_ACTIVATION");
            ServiceApi.Response reused = gateway().post("/api/email-verifications", Map.of("token", token));
            assertThat(reused.status()).isEqualTo(422);
            assertThat(reused.code()).isEqualTo("LINK_EXPIRED_OR_USED");

            await().atMost(Duration.ofSeconds(20)).until(() -> staff(Role.ADMIN)
                    .get("/api/guardians/awaiting-activation").body().toString().contains(parent.userId()));
            assertThat(staff(Role.AGENT).post("/api/guardians/" + parent.userId() + "/activation", Map.of())
                    .status()).isEqualTo(403);
            assertThat(staff(Role.ADMIN).post("/api/guardians/" + parent.userId() + "/activation", Map.of())
                    .status()).isEqualTo(204);
            assertThat(status(parent.userId())).isEqualTo("ACTIVE");
        }

        @Test
        void a_refusal_needs_a_reason_and_only_before_activation() {
            Parent parent = register();
            ServiceApi.Response noReason = staff(Role.ADMIN).post("/api/guardians/" + parent.userId() + "/refusal",
                    Map.of("reason", " "));
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(errors(noReason)).containsEntry("reason", "Indiquez le motif du refus.");
            assertThat(staff(Role.ADMIN).post("/api/guardians/" + parent.userId() + "/refusal",
                    Map.of("reason", "Aucun enfant scolarisé à Vincey.")).status()).isEqualTo(204);
            assertThat(status(parent.userId())).isEqualTo("REFUSED");
            Parent active = activeParent();
            assertThat(staff(Role.ADMIN).post("/api/guardians/" + active.userId() + "/refusal",
                    Map.of("reason", "non")).code()).isEqualTo("ACCOUNT_NOT_AWAITING_ACTIVATION");
        }

        @Test
        void only_notification_service_mints_links_and_an_unknown_request_gets_none() {
            Parent parent = register();
            assertThat(gateway().post("/api/account-links", Map.of("requestId",
                    requestId(parent.userId(), "EMAIL_VERIFICATION"))).status()).isEqualTo(403);
            assertThat(api().asPeer("notification").post("/api/account-links",
                    Map.of("requestId", UUID.randomUUID().toString())).code()).isEqualTo("LINK_EXPIRED_OR_USED");
            String url = api().asPeer("notification").post("/api/account-links",
                    Map.of("requestId", requestId(parent.userId(), "EMAIL_VERIFICATION"))).body().path("url").asText();
            assertThat(url).startsWith("https://portail.vincey.test/compte/valider?jeton=");
        }
    }

    @Nested
    class PasswordReset {

        @Test
        void the_answer_is_the_same_for_any_address_and_the_link_works_once() {
            Parent parent = activeParent();
            assertThat(gateway().post("/api/password-resets", Map.of("email", email())).status()).isEqualTo(202);
            assertThat(gateway().post("/api/password-resets", Map.of("email", parent.email())).status())
                    .isEqualTo(202);
            String token = tokenFor(parent.userId(), "PASSWORD_RESET");
            ServiceApi.Response weak = gateway().post("/api/password-resets/completion",
                    Map.of("token", token, "password", "court", "passwordConfirmation", "court"));
            assertThat(errors(weak)).containsKey("password");
            String newPassword = "Nouvelle-Hirondelle-7";
            assertThat(gateway().post("/api/password-resets/completion", Map.of("token", token,
                    "password", newPassword, "passwordConfirmation", newPassword)).status()).isEqualTo(200);
            assertThat(login(parent.email(), newPassword).status()).isEqualTo(200);
            assertThat(login(parent.email(), PASSWORD).status()).isEqualTo(422);
            assertThat(gateway().post("/api/password-resets/completion", Map.of("token", token,
                    "password", newPassword, "passwordConfirmation", newPassword)).code())
                    .isEqualTo("LINK_EXPIRED_OR_USED");
        }
    }

    @Nested
    class MyAccount {

        @Test
        void the_profile_saves_everything_but_the_address_and_another_family_answers_404() {
            Parent parent = activeParent();
            ServiceApi.Caller me = api().as(parent.actor());
            Map<String, Object> profile = new HashMap<>();
            profile.put("civility", "MADAME");
            profile.put("firstName", "Camille");
            profile.put("lastName", "Martin-Durand");
            profile.put("mainPhone", "06 12 34 56 78");
            profile.put("secondaryPhone", "03 29 00 00 00");
            profile.put("notificationEmail", "camille.notif@example.org");
            profile.put("cafNumber", "7654321");
            profile.put("quotientFamilial", 620);
            profile.put("newsletterConsent", false);
            assertThat(me.put("/api/me/profile", profile).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(20)).until(() -> me.get("/api/families/" + parent.familyId()).body()
                    .path("quotientFamilial").asInt() == 620);
            JsonNode file = me.get("/api/families/" + parent.familyId()).body();
            assertThat(file.path("cafNumber").asText()).isEqualTo("7654321");
            assertThat(file.path("guardians").get(0).path("lastName").asText()).isEqualTo("Martin-Durand");
            assertThat(file.path("guardians").get(0).path("secondaryPhone").asText()).isEqualTo("+33329000000");

            profile.put("mainPhone", "12");
            assertThat(errors(me.put("/api/me/profile", profile))).containsKey("mainPhone");

            assertThat(me.put("/api/families/" + parent.familyId() + "/address", Map.of("addressLine1", "x",
                    "postcode", "88450", "city", "Vincey")).status()).isEqualTo(403);
            Parent other = activeParent();
            assertThat(me.get("/api/families/" + other.familyId()).status()).isEqualTo(404);
            assertThat(me.put("/api/families/" + other.familyId() + "/emergency-contacts",
                    Map.of("contacts", List.of())).status()).isEqualTo(404);
        }

        @Test
        void emergency_contacts_are_added_edited_and_removed() {
            Parent parent = activeParent();
            ServiceApi.Caller me = api().as(parent.actor());
            assertThat(me.put("/api/families/" + parent.familyId() + "/emergency-contacts", Map.of("contacts", List.of(
                    Map.of("name", "Jeanne Martin", "phone", "06 11 22 33 44", "canPickUpChildren", true),
                    Map.of("name", "Paul Martin", "phone", "06 22 33 44 55", "canPickUpChildren", false))))
                    .status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(20)).until(() -> me.get("/api/families/" + parent.familyId())
                    .body().path("contacts").size() == 2);
            JsonNode jeanne = me.get("/api/families/" + parent.familyId()).body().path("contacts").get(0);
            assertThat(me.put("/api/families/" + parent.familyId() + "/emergency-contacts", Map.of("contacts", List.of(
                    Map.of("contactId", jeanne.path("contactId").asText(), "name", "Jeanne Martin",
                            "phone", "06 11 22 33 44", "canPickUpChildren", false))))
                    .status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(20)).until(() -> me.get("/api/families/" + parent.familyId())
                    .body().path("contacts").size() == 1);
            assertThat(me.get("/api/families/" + parent.familyId()).body().path("contacts").get(0)
                    .path("canPickUpChildren").asBoolean()).isFalse();
            ServiceApi.Response noPhone = me.put("/api/families/" + parent.familyId() + "/emergency-contacts",
                    Map.of("contacts", List.of(Map.of("name", "Sans", "phone", "", "canPickUpChildren", true))));
            assertThat(noPhone.status()).isEqualTo(400);
        }

        @Test
        void before_activation_the_profile_page_reads_and_saves_the_family_by_the_login() {
            Parent parent = register();
            ServiceApi.Caller pending = api().as(new Actor(parent.userId(), Role.PARENT, null, "203.0.113.9"));
            await().atMost(Duration.ofSeconds(20)).until(() -> pending.get("/api/me/family").status() == 200);
            assertThat(pending.get("/api/me/family").body().path("cafNumber").asText()).isEqualTo("1234567");
            assertThat(pending.get("/api/families/" + parent.familyId()).status())
                    .as("no family in the token before activation").isEqualTo(404);
            assertThat(pending.put("/api/me/emergency-contacts", Map.of("contacts", List.of(
                    Map.of("name", "Jeanne Martin", "phone", "06 11 22 33 44", "canPickUpChildren", true))))
                    .status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(20)).until(() -> pending.get("/api/me/family").body()
                    .path("contacts").size() == 1);
            ServiceApi.Response ghost = api().as(new Actor(UUID.randomUUID().toString(), Role.PARENT, null, null))
                    .get("/api/me/family");
            assertThat(ghost.status()).isEqualTo(404);
        }

        @Test
        void the_password_changes_with_the_current_one_only() {
            Parent parent = activeParent();
            ServiceApi.Caller me = api().as(parent.actor());
            String next = "Autre-Hirondelle-2027";
            ServiceApi.Response wrong = me.post("/api/me/password", Map.of("currentPassword", "faux",
                    "newPassword", next, "newPasswordConfirmation", next));
            assertThat(errors(wrong)).containsEntry("currentPassword", "Le mot de passe actuel est incorrect.");
            assertThat(me.post("/api/me/password", Map.of("currentPassword", PASSWORD, "newPassword", next,
                    "newPasswordConfirmation", next)).status()).isEqualTo(204);
            assertThat(login(parent.email(), next).status()).isEqualTo(200);
        }

        @Test
        void the_login_address_changes_once_the_new_address_confirms() {
            Parent parent = activeParent();
            ServiceApi.Caller me = api().as(parent.actor());
            String newEmail = email();
            assertThat(errors(me.post("/api/me/email", Map.of("newEmail", newEmail, "currentPassword", "faux"))))
                    .containsKey("currentPassword");
            assertThat(me.post("/api/me/email", Map.of("newEmail", newEmail, "currentPassword", PASSWORD)).status())
                    .isEqualTo(202);
            assertThat(login(newEmail, PASSWORD).status()).isEqualTo(422); // not before confirmation
            String token = tokenFor(parent.userId(), "EMAIL_CHANGE");
            assertThat(gateway().post("/api/email-changes/confirmation", Map.of("token", token)).status())
                    .isEqualTo(200);
            assertThat(login(newEmail, PASSWORD).status()).isEqualTo(200);
            assertThat(login(parent.email(), PASSWORD).status()).isEqualTo(422);
        }
    }

    @Nested
    class Staff {

        @Test
        void the_first_administrator_enrols_a_second_factor_then_logs_in_with_codes() {
            ServiceApi.Response first = login(ADMIN_EMAIL, ADMIN_PASSWORD);
            assertThat(first.status()).isEqualTo(200);
            String challenge = first.body().path("challenge").asText();
            if ("ENROLLMENT_REQUIRED".equals(first.body().path("secondFactor").asText())) {
                ServiceApi.Response enrollment = gateway().post("/api/authentication/second-factor/enrollment",
                        Map.of("challenge", challenge));
                String secret = enrollment.body().path("secret").asText();
                assertThat(enrollment.body().path("qrCodeDataUri").asText()).startsWith("data:image/png;base64,");
                assertThat(enrollment.body().path("otpauthUri").asText()).startsWith("otpauth://totp/");
                assertThat(gateway().post("/api/authentication/second-factor/enrollment/confirmation",
                        Map.of("challenge", challenge, "code", "000000")).code()).isEqualTo("INVALID_CODE");
                ServiceApi.Response confirmed = gateway().post(
                        "/api/authentication/second-factor/enrollment/confirmation",
                        Map.of("challenge", challenge, "code", SecondFactor.currentCode(secret, Clock.systemUTC())));
                assertThat(confirmed.status()).isEqualTo(200);
                assertThat(confirmed.body().path("recoveryCodes").size()).isEqualTo(10);
                String recovery = confirmed.body().path("recoveryCodes").get(0).asText();

                ServiceApi.Response again = login(ADMIN_EMAIL, ADMIN_PASSWORD);
                assertThat(again.body().path("secondFactor").asText()).isEqualTo("REQUIRED");
                String next = again.body().path("challenge").asText();
                assertThat(gateway().post("/api/authentication/second-factor",
                        Map.of("challenge", next, "code", "123456")).code()).isEqualTo("INVALID_CODE");
                ServiceApi.Response done = gateway().post("/api/authentication/second-factor",
                        Map.of("challenge", next, "code", recovery));
                assertThat(done.body().path("role").asText()).isEqualTo("ADMIN");
                assertThat(done.body().path("secondFactor").asText()).isEqualTo("DONE");
                ServiceApi.Response third = login(ADMIN_EMAIL, ADMIN_PASSWORD);
                assertThat(gateway().post("/api/authentication/second-factor", Map.of("challenge",
                        third.body().path("challenge").asText(), "code", recovery)).code())
                        .as("a recovery code works once").isEqualTo("INVALID_CODE");
            }
        }

        @Test
        void an_invited_staff_member_chooses_a_password_from_the_link() {
            String email = "agent." + UUID.randomUUID().toString().substring(0, 6) + "@vincey.test";
            ServiceApi.Response invited = staff(Role.ADMIN).post("/api/staff", Map.of("email", email,
                    "firstName", "Anne", "lastName", "Agent", "role", "AGENT"));
            assertThat(invited.status()).isEqualTo(201);
            String staffId = invited.body().path("staffId").asText();
            assertThat(staff(Role.AGENT).post("/api/staff", Map.of("email", email(), "firstName", "X",
                    "lastName", "Y", "role", "ADMIN")).status()).isEqualTo(403);
            String token = tokenFor(staffId, "INVITATION");
            assertThat(gateway().post("/api/invitations/acceptance", Map.of("token", token,
                    "password", "Agent-Hirondelle-26", "passwordConfirmation", "Agent-Hirondelle-26")).status())
                    .isEqualTo(200);
            ServiceApi.Response login = login(email, "Agent-Hirondelle-26");
            assertThat(login.body().path("role").asText()).isEqualTo("AGENT");
            assertThat(login.body().path("secondFactor").asText()).isEqualTo("ENROLLMENT_REQUIRED");
        }

        @Test
        void the_last_active_administrator_stays_one() {
            String adminId = jdbc.sql("SELECT user_id::text FROM credential WHERE login_email = ?")
                    .param(ADMIN_EMAIL).query(String.class).single();
            long admins = jdbc.sql("SELECT count(*) FROM credential WHERE kind = 'STAFF' AND role = 'ADMIN' "
                    + "AND status = 'ACTIVE'").query(Long.class).single();
            if (admins == 1) {
                ServiceApi.Response demote = staff(Role.ADMIN).put("/api/staff/" + adminId + "/role",
                        Map.of("role", "AGENT"));
                assertThat(demote.code()).isEqualTo("LAST_ADMINISTRATOR");
                assertThat(staff(Role.ADMIN).post("/api/staff/" + adminId + "/deactivation", Map.of()).code())
                        .isEqualTo("LAST_ADMINISTRATOR");
            }
        }

        @Test
        void staff_open_a_family_file_for_a_family_offline_and_invite_its_second_parent() {
            Map<String, Object> guardian = new HashMap<>(Map.of("firstName", "Lucie", "lastName", "Petit",
                    "mainPhone", "06 55 44 33 22", "newsletterConsent", false));
            ServiceApi.Response opened = staff(Role.AGENT).post("/api/families", Map.of("guardian", guardian,
                    "address", Map.of("addressLine1", "1 place de la Mairie", "postcode", "88450", "city", "Vincey"),
                    "inviteToPortal", false));
            assertThat(opened.status()).isEqualTo(201);
            String familyId = opened.body().path("familyId").asText();
            Map<String, Object> second = new HashMap<>(Map.of("firstName", "Marc", "lastName", "Petit",
                    "mainPhone", "06 55 44 33 11", "newsletterConsent", false));
            String email = email();
            ServiceApi.Response added = staff(Role.AGENT).post("/api/families/" + familyId + "/guardians",
                    Map.of("guardian", second, "loginEmail", email, "inviteToPortal", true));
            assertThat(added.status()).isEqualTo(201);
            String guardianId = added.body().path("guardianId").asText();
            assertThat(status(guardianId)).isEqualTo("INVITED");
            String token = tokenFor(guardianId, "INVITATION");
            assertThat(gateway().post("/api/invitations/acceptance", Map.of("token", token,
                    "password", "Grande-Hirondelle-2026", "passwordConfirmation", "Grande-Hirondelle-2026")).status())
                    .isEqualTo(200);
            ServiceApi.Response login = login(email, "Grande-Hirondelle-2026");
            assertThat(login.body().path("familyId").asText()).isEqualTo(familyId);
            assertThat(login.body().path("status").asText()).isEqualTo("ACTIVE");
            String actorRole = new String(jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                            + "WHERE aggregate_identifier = ? ORDER BY global_index LIMIT 1")
                    .param(familyId).query(String.class).single());
            assertThat(actorRole).contains("\"actorRole\":\"AGENT\"");
            ServiceApi.Response missingEmail = staff(Role.AGENT).post("/api/families/" + familyId + "/guardians",
                    Map.of("guardian", second, "inviteToPortal", true));
            assertThat(errors(missingEmail)).containsKey("loginEmail");
            assertThat(api().as(TestServiceTokens.parentOf(familyId)).post("/api/families/" + familyId
                    + "/guardians", Map.of("guardian", second)).status()).isEqualTo(403);
        }

        @Test
        void staff_lists_name_many_families_in_one_call_and_no_more_than_a_page_of_them() {
            Parent first = register();
            Parent second = register();
            String unknown = UUID.randomUUID().toString();
            String names = "/api/families/names?id=" + first.familyId() + "&id=" + second.familyId() + "&id="
                    + unknown + "&id=" + first.familyId();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(staff(Role.FINANCE).get(names).body().size()).isEqualTo(2));
            ServiceApi.Response answer = staff(Role.FINANCE).get(names);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().findValuesAsText("familyId"))
                    .as("each known family once; the unknown id is left out")
                    .containsExactlyInAnyOrder(first.familyId(), second.familyId());
            assertThat(answer.body().findValuesAsText("familyName")).containsOnly("Martin");
            assertThat(staff(Role.AUDITOR).get("/api/families/names").body().size()).isZero();

            String tooMany = "/api/families/names?" + java.util.stream.IntStream.range(0, 101)
                    .mapToObj(i -> "id=" + UUID.randomUUID()).collect(java.util.stream.Collectors.joining("&"));
            ServiceApi.Response refused = staff(Role.FINANCE).get(tooMany);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("TOO_MANY_FAMILIES");
            assertThat(staff(Role.FINANCE).get("/api/families/names?id=pas-un-identifiant").status())
                    .isEqualTo(400);
            assertThat(api().as(TestServiceTokens.parentOf(first.familyId())).get(names).status())
                    .as("a parent never lists other families").isEqualTo(403);
        }
    }

    @Nested
    class Roles {

        @Autowired
        ApplicationContext context;

        Actor staffMember(Role role) {
            ServiceApi.Response invited = staff(Role.ADMIN).post("/api/staff", Map.of("email", email(),
                    "firstName", "Agnès", "lastName", "Matrice", "role", role.name()));
            assertThat(invited.status()).isEqualTo(201);
            return new Actor(invited.body().path("staffId").asText(), role, null, "198.51.100.4");
        }

        @Test
        void each_role_reaches_exactly_the_endpoints_it_is_allowed() {
            String firstAdministrator = jdbc.sql("SELECT user_id::text FROM credential WHERE login_email = ?")
                    .param(ADMIN_EMAIL).query(String.class).single();
            RoleMatrix matrix = RoleMatrix.of(context, port).as(activeParent().actor())
                    .as(new Actor(firstAdministrator, Role.ADMIN, null, "198.51.100.4"));
            for (Role role : List.of(Role.AGENT, Role.FINANCE, Role.AUDITOR)) {
                matrix.as(staffMember(role));
            }
            Role[] everyone = {Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR};
            Role[] staffReaders = {Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR};
            matrix.allow("GET /api/me", everyone)
                    .allow("POST /api/me/password", everyone)
                    .allow("POST /api/me/email", everyone)
                    .allow("PUT /api/me/profile", Role.PARENT)
                    .allow("GET /api/me/family", Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR)
                    .allow("PUT /api/me/emergency-contacts", Role.PARENT)
                    .allow("POST /api/me/email-verification", Role.PARENT)
                    .allow("GET /api/guardians/awaiting-activation", Role.ADMIN, Role.AGENT)
                    .allow("POST /api/guardians/{guardianId}/activation", Role.ADMIN)
                    .allow("POST /api/guardians/{guardianId}/refusal", Role.ADMIN)
                    .allow("POST /api/guardians/{guardianId}/invitation", Role.ADMIN, Role.AGENT)
                    .allow("GET /api/staff", Role.ADMIN)
                    .allow("POST /api/staff", Role.ADMIN)
                    .allow("PUT /api/staff/{staffId}/role", Role.ADMIN)
                    .allow("POST /api/staff/{staffId}/deactivation", Role.ADMIN)
                    .allow("POST /api/staff/{staffId}/reactivation", Role.ADMIN)
                    .allow("POST /api/staff/{staffId}/second-factor-reset", Role.ADMIN)
                    .allow("POST /api/families", Role.ADMIN, Role.AGENT)
                    .allow("GET /api/families", staffReaders)
                    .allow("GET /api/families/names", staffReaders)
                    .allow("GET /api/families/{familyId}", everyone)
                    .allow("PUT /api/families/{familyId}/address", Role.ADMIN, Role.AGENT)
                    .allow("PUT /api/families/{familyId}/emergency-contacts", Role.PARENT, Role.ADMIN, Role.AGENT)
                    .allow("PUT /api/families/{familyId}/guardians/{guardianId}/profile", Role.ADMIN, Role.AGENT)
                    .allow("POST /api/families/{familyId}/guardians", Role.ADMIN, Role.AGENT)
                    .application("POST /api/registrations", "gateway")
                    .application("POST /api/authentication", "gateway")
                    .application("POST /api/authentication/second-factor", "gateway")
                    .application("POST /api/authentication/second-factor/enrollment", "gateway")
                    .application("POST /api/authentication/second-factor/enrollment/confirmation", "gateway")
                    .application("POST /api/link-checks", "gateway")
                    .application("POST /api/email-verifications", "gateway")
                    .application("POST /api/password-resets", "gateway")
                    .application("POST /api/password-resets/completion", "gateway")
                    .application("POST /api/invitations/acceptance", "gateway")
                    .application("POST /api/email-changes/confirmation", "gateway")
                    .application("POST /api/account-links", "notification")
                    .verify();
        }
    }

    @Nested
    class ReadModels {

        @Autowired
        ApplicationContext context;

        @Test
        void every_projection_names_its_tables_or_is_never_replayed() {
            ReadModelChecks.assertEveryProjectionDeclaresItsTables(context);
        }

        @Test
        void every_read_model_rebuilds_from_the_events_into_the_live_one() {
            Parent parent = activeParent();
            assertThat(api().as(parent.actor()).put("/api/me/emergency-contacts", Map.of("contacts", List.of(
                    Map.of("name", "Jeanne Martin", "phone", "06 11 22 33 44", "canPickUpChildren", true))))
                    .status()).isLessThan(300);
            ReadModelChecks.assertEveryReadModelRebuildsIdentically(port);
        }
    }

    static Map<String, String> errors(ServiceApi.Response response) {
        Map<String, String> errors = new HashMap<>();
        response.body().path("errors").forEach(e -> errors.putIfAbsent(e.path("field").asText(),
                e.path("message").asText()));
        return errors;
    }
}
