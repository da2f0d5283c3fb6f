package fr.marelle.notification.family;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.notification.Guardians;
import fr.marelle.notification.Guardians.Guardian;
import fr.marelle.notification.directory.RecipientDirectory;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestServiceTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** "Mes notifications" through the API: what a family gets by default, what it chooses, who may see and change it. */
@MarelleServiceTest
class PreferencesApiTest {

    static final String PATH = "/api/notification-preferences";

    @LocalServerPort
    int port;
    @Autowired
    RecipientDirectory directory;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    ServiceApi.Caller parentOf(Guardian guardian) {
        return new ServiceApi(port).as(new Actor(guardian.guardianId(), Role.PARENT, guardian.familyId(), "127.0.0.1"));
    }

    ServiceApi.Caller staff(Role role) {
        return new ServiceApi(port).as(TestServiceTokens.staff(role));
    }

    static JsonNode kind(JsonNode preferences, String kind) {
        for (JsonNode k : preferences.path("kinds")) {
            if (k.path("kind").asText().equals(kind)) {
                return k;
            }
        }
        throw new AssertionError("no kind " + kind + " in " + preferences);
    }

    static Map<String, Object> choice(String kind, boolean email, boolean sms) {
        return Map.of("kinds", Map.of(kind, Map.of("email", email, "sms", sms)));
    }

    @Test
    void a_family_that_chose_nothing_sees_every_kind_with_its_defaults() {
        Guardian family = Guardians.registered(Guardians.aGuardian(), directory);

        ServiceApi.Response response = parentOf(family).get(PATH);

        assertThat(response.status()).isEqualTo(200);
        JsonNode preferences = response.body();
        assertThat(preferences.path("familyId").asText()).isEqualTo(family.familyId());
        List<String> kinds = new ArrayList<>();
        preferences.path("kinds").forEach(k -> kinds.add(k.path("kind").asText()));
        assertThat(kinds).containsExactly("WALLET_BALANCE_LOW", "WALLET_OVERDRAWN", "BOOKING_CONFIRMED",
                "WAITLIST_PLACE_GRANTED", "SERVICE_DAY_CANCELLED", "DOCUMENT_REJECTED", "DOCUMENT_APPROVED",
                "INVOICE_ISSUED", "TOP_UP_RESULT", "NEWSLETTER");
        assertThat(kind(preferences, "WALLET_BALANCE_LOW").path("email").asBoolean()).isTrue();
        assertThat(kind(preferences, "WALLET_BALANCE_LOW").path("sms").asBoolean()).isTrue();
        assertThat(kind(preferences, "INVOICE_ISSUED").path("sms").asBoolean()).isFalse();
        assertThat(kind(preferences, "DOCUMENT_APPROVED").path("email").asBoolean()).isFalse();
        assertThat(kind(preferences, "NEWSLETTER").path("offered").toString()).isEqualTo("[\"EMAIL\"]");
        assertThat(preferences.path("sms").path("available").asBoolean()).isTrue();
        assertThat(preferences.path("newsletterConsent").asBoolean()).isTrue();
    }

    @Test
    void a_parent_changes_the_channels_of_a_kind_and_the_others_keep_theirs() {
        Guardian family = Guardians.registered(Guardians.aGuardian(), directory);

        ServiceApi.Response saved = parentOf(family).put(PATH, Map.of("kinds", Map.of(
                "WALLET_BALANCE_LOW", Map.of("email", false, "sms", true),
                "DOCUMENT_APPROVED", Map.of("email", true, "sms", false))));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(kind(saved.body(), "WALLET_BALANCE_LOW").path("email").asBoolean()).isFalse();
        assertThat(kind(saved.body(), "DOCUMENT_APPROVED").path("email").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !kind(parentOf(family).get(PATH).body(), "WALLET_BALANCE_LOW").path("email").asBoolean());
        JsonNode read = parentOf(family).get(PATH).body();
        assertThat(kind(read, "WALLET_BALANCE_LOW").path("sms").asBoolean()).isTrue();
        assertThat(kind(read, "DOCUMENT_APPROVED").path("email").asBoolean()).isTrue();
        assertThat(kind(read, "WALLET_OVERDRAWN").path("email").asBoolean()).isTrue();
    }

    @Test
    void a_family_without_a_mobile_is_offered_email_only_and_sms_are_refused_next_to_the_field() {
        Guardian family = Guardians.registered(Guardians.aGuardian().withoutMobile(), directory);

        JsonNode preferences = parentOf(family).get(PATH).body();
        assertThat(preferences.path("sms").path("available").asBoolean()).isFalse();
        assertThat(preferences.path("sms").path("reason").asText()).isEqualTo("NO_MOBILE");

        ServiceApi.Response refused = parentOf(family).put(PATH, choice("INVOICE_ISSUED", true, true));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("kinds.INVOICE_ISSUED.sms");
        assertThat(refused.body().path("errors").get(0).path("code").asText()).isEqualTo("SMS_NO_MOBILE");
        assertThat(refused.body().path("errors").get(0).path("message").asText())
                .isEqualTo("Ajoutez un numéro de portable dans votre profil pour recevoir des SMS.");
    }

    @Test
    void unknown_kinds_and_channels_a_kind_does_not_offer_are_refused_field_by_field() {
        Guardian family = Guardians.registered(Guardians.aGuardian(), directory);

        ServiceApi.Response refused = parentOf(family).put(PATH, Map.of("kinds", Map.of(
                "GAZETTE", Map.of("email", true), "NEWSLETTER", Map.of("email", true, "sms", true),
                "ACCOUNT", Map.of("email", false))));

        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.body().path("errors").forEach(e -> fields.add(e.path("field").asText() + ":" + e.path("code").asText()));
        assertThat(fields).containsExactlyInAnyOrder("kinds.GAZETTE:UNKNOWN_KIND", "kinds.ACCOUNT:UNKNOWN_KIND",
                "kinds.NEWSLETTER.sms:CHANNEL_NOT_OFFERED");
    }

    @Test
    void a_parent_never_reaches_another_family_and_staff_roles_are_checked() {
        Guardian family = Guardians.registered(Guardians.aGuardian(), directory);
        Guardian other = Guardians.registered(Guardians.aGuardian(), directory);

        ServiceApi.Response foreign = parentOf(family).get(PATH + "?familyId=" + other.familyId());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("FAMILY_NOT_FOUND");
        assertThat(parentOf(family).put(PATH + "?familyId=" + other.familyId(),
                choice("INVOICE_ISSUED", false, false)).status()).isEqualTo(404);

        assertThat(staff(Role.AUDITOR).get(PATH + "?familyId=" + family.familyId()).status()).isEqualTo(200);
        assertThat(staff(Role.AGENT).get(PATH).code()).isEqualTo("FAMILY_REQUIRED");
        ServiceApi.Response finance = staff(Role.FINANCE).put(PATH + "?familyId=" + family.familyId(),
                choice("INVOICE_ISSUED", false, false));
        assertThat(finance.status()).isEqualTo(403);
        assertThat(finance.code()).isEqualTo("FORBIDDEN_ROLE");
        ServiceApi.Response agent = staff(Role.AGENT).put(PATH + "?familyId=" + family.familyId(),
                choice("INVOICE_ISSUED", false, true));
        assertThat(agent.status()).isEqualTo(200);
        assertThat(kind(agent.body(), "INVOICE_ISSUED").path("sms").asBoolean()).isTrue();
        assertThat(new ServiceApi(port).anonymous().get(PATH).status()).isEqualTo(401);
    }

    @Test
    void rebuilding_the_preferences_gives_the_same_answers_and_sends_nothing() throws Exception {
        Guardian family = Guardians.registered(Guardians.aGuardian(), directory);
        parentOf(family).put(PATH, choice("INVOICE_ISSUED", false, true));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                kind(parentOf(family).get(PATH).body(), "INVOICE_ISSUED").path("sms").asBoolean());

        StreamingEventProcessor preferences = processing.eventProcessor("notification-preferences",
                StreamingEventProcessor.class).orElseThrow();
        preferences.shutdownAsync().get(10, TimeUnit.SECONDS);
        preferences.resetTokens();
        assertThat(jdbc.sql("SELECT count(*) FROM rm_notification_preferences WHERE family_id = ?::uuid")
                .param(family.familyId()).query(Long.class).single()).isZero();
        preferences.start();

        await().atMost(Duration.ofSeconds(15)).until(() ->
                kind(parentOf(family).get(PATH).body(), "INVOICE_ISSUED").path("sms").asBoolean());
        assertThat(kind(parentOf(family).get(PATH).body(), "INVOICE_ISSUED").path("email").asBoolean()).isFalse();
        assertThat(staff(Role.AGENT).get("/api/messages?familyId=" + family.familyId()).body()).isEmpty();
    }
}
