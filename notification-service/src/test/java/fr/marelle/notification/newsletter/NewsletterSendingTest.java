package fr.marelle.notification.newsletter;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.contracts.accounts.NewsletterConsentChanged;
import fr.marelle.notification.AccountEvents;
import fr.marelle.notification.Guardians;
import fr.marelle.notification.Guardians.Guardian;
import fr.marelle.notification.TestSmtp;
import fr.marelle.notification.directory.RecipientDirectory;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestServiceTokens;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.marelle.notification.AccountEvents.values;
import static fr.marelle.notification.message.TestMessages.alternatives;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff write a news item, preview it and send it: it reaches by email the guardians who consented, and no one else;
 * the progress shows while it goes; its unsubscribe link turns the newsletter off for the family.
 */
@MarelleServiceTest
class NewsletterSendingTest {

    static final Pattern UNSUBSCRIBE = Pattern.compile("https://famille\\.vincey\\.test/newsletter/desinscription\\?jeton=([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    RecipientDirectory directory;

    ServiceApi.Caller staff(Role role) {
        return new ServiceApi(port).as(TestServiceTokens.staff(role));
    }

    ServiceApi.Caller gateway() {
        return new ServiceApi(port).as(Actor.system("gateway"));
    }

    String written(String subject, String body) {
        ServiceApi.Response created = staff(Role.AGENT).post("/api/newsletters", Map.of("subject", subject,
                "body", body));
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("newsletter").path("newsletterId").asText();
    }

    JsonNode awaitDone(String newsletterId) {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode detail = staff(Role.AGENT).get("/api/newsletters/" + newsletterId).body();
            seen.set(detail);
            return detail.path("progress").path("done").asBoolean();
        });
        return seen.get();
    }

    @Test
    void a_news_item_goes_by_email_to_the_guardians_who_consented_and_to_no_one_else() throws Exception {
        Guardian camille = Guardians.registered(Guardians.aGuardian(), directory);
        Guardian alex = Guardians.registered(camille.partner("Alex").withoutNewsletter(), directory);
        Guardian withdrawn = Guardians.registered(Guardians.aGuardian(), directory);
        AccountEvents.publish(NewsletterConsentChanged.TYPE, withdrawn.familyId(), values(
                "familyId", withdrawn.familyId(), "guardianId", withdrawn.guardianId(), "consent", false));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !directory.guardian(withdrawn.guardianId()).orElseThrow().newsletterConsent());

        String id = written("Fête de l'école le 27 juin", "La fête de l'école aura lieu le samedi 27 juin.\n\n"
                + "Venez nombreux : <stand> de gâteaux & jeux.");
        JsonNode preview = staff(Role.AGENT).get("/api/newsletters/" + id + "/preview").body();
        assertThat(preview.path("subject").asText()).isEqualTo("Fête de l'école le 27 juin – Ville de Vincey");
        assertThat(preview.path("text").asText()).startsWith("Bonjour,").contains("Venez nombreux : <stand>",
                "newsletter/desinscription?jeton=exemple");
        assertThat(preview.path("html").asText()).contains("&lt;stand&gt; de gâteaux &amp; jeux");
        assertThat(preview.path("audience").asLong()).isPositive();

        ServiceApi.Response sending = staff(Role.AGENT).post("/api/newsletters/" + id + "/sending", Map.of());
        assertThat(sending.status()).isEqualTo(202);

        JsonNode done = awaitDone(id);
        JsonNode progress = done.path("progress");
        assertThat(progress.path("sent").asLong() + progress.path("failed").asLong() + progress.path("skipped").asLong())
                .isEqualTo(progress.path("audience").asLong());
        assertThat(done.path("newsletter").path("status").asText()).isEqualTo("SENT");
        MimeMessage email = TestSmtp.receivedBy(camille.email()).get(0);
        assertThat(email.getSubject()).isEqualTo("Fête de l'école le 27 juin – Ville de Vincey");
        assertThat(alternatives(email).text()).startsWith("Bonjour Camille,")
                .contains("La fête de l'école aura lieu le samedi 27 juin.", "Pour ne plus la recevoir : https://");
        assertThat(email.getHeader("List-Unsubscribe")[0]).matches("<" + UNSUBSCRIBE.pattern() + ">");
        assertThat(TestSmtp.receivedBy(alex.email())).as("no consent").isEmpty();
        assertThat(TestSmtp.receivedBy(withdrawn.email())).as("consent withdrawn").isEmpty();

        ServiceApi.Response again = staff(Role.AGENT).put("/api/newsletters/" + id, Map.of("subject", "Autre",
                "body", "Autre texte"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.code()).isEqualTo("NEWSLETTER_ALREADY_SENT");
        assertThat(staff(Role.AGENT).post("/api/newsletters/" + id + "/sending", Map.of()).code())
                .isEqualTo("NEWSLETTER_ALREADY_SENT");
    }

    @Test
    void the_unsubscribe_link_of_a_newsletter_stops_the_next_ones_for_the_family() throws Exception {
        Guardian family = Guardians.registered(Guardians.aGuardian(), directory);
        String first = written("Travaux rue de la Gare", "La rue sera fermée lundi.");
        staff(Role.ADMIN).post("/api/newsletters/" + first + "/sending", Map.of());
        awaitDone(first);
        String body = alternatives(TestSmtp.receivedBy(family.email()).get(0)).text();
        Matcher link = UNSUBSCRIBE.matcher(body);
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        ServiceApi.Response notTheGateway = new ServiceApi(port)
                .as(new Actor(family.guardianId(), Role.PARENT, family.familyId(), null))
                .post("/api/newsletter/unsubscriptions", Map.of("token", token));
        assertThat(notTheGateway.status()).isEqualTo(403);
        assertThat(gateway().post("/api/newsletter/unsubscriptions", Map.of("token", "inconnu")).code())
                .isEqualTo("UNSUBSCRIBE_LINK_UNKNOWN");
        ServiceApi.Response unsubscribed = gateway().post("/api/newsletter/unsubscriptions", Map.of("token", token));
        assertThat(unsubscribed.status()).isEqualTo(200);
        assertThat(unsubscribed.raw()).doesNotContain(family.familyId());
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode preferences = new ServiceApi(port)
                    .as(new Actor(family.guardianId(), Role.PARENT, family.familyId(), null))
                    .get("/api/notification-preferences").body();
            for (JsonNode kind : preferences.path("kinds")) {
                if (kind.path("kind").asText().equals("NEWSLETTER")) {
                    return !kind.path("email").asBoolean();
                }
            }
            return false;
        });

        String second = written("Inscriptions au centre de loisirs", "Les inscriptions ouvrent le 1er juillet.");
        staff(Role.ADMIN).post("/api/newsletters/" + second + "/sending", Map.of());
        awaitDone(second);
        TimeUnit.MILLISECONDS.sleep(500);
        assertThat(TestSmtp.receivedBy(family.email())).hasSize(1);
        assertThat(gateway().post("/api/newsletter/unsubscriptions", Map.of("token", token)).status())
                .as("the link still works, and changes nothing more").isEqualTo(200);
    }

    @Test
    void only_staff_read_newsletters_and_only_admins_and_agents_write_and_send_them() {
        ServiceApi.Caller parent = new ServiceApi(port).as(TestServiceTokens.parentOf(UUID.randomUUID().toString()));
        assertThat(parent.get("/api/newsletters").status()).isEqualTo(403);
        assertThat(staff(Role.FINANCE).post("/api/newsletters", Map.of("subject", "S", "body", "B")).code())
                .isEqualTo("FORBIDDEN_ROLE");
        assertThat(staff(Role.AUDITOR).get("/api/newsletters").status()).isEqualTo(200);

        ServiceApi.Response invalid = staff(Role.AGENT).post("/api/newsletters", Map.of("subject", " ", "body", ""));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").findValuesAsText("field")).containsExactly("subject", "body");
        assertThat(staff(Role.AGENT).get("/api/newsletters/" + UUID.randomUUID()).code())
                .isEqualTo("NEWSLETTER_NOT_FOUND");
        assertThat(staff(Role.AGENT).post("/api/newsletters/" + UUID.randomUUID() + "/sending", Map.of()).code())
                .isEqualTo("NEWSLETTER_NOT_FOUND");
    }
}
