package fr.marelle.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notifications pages against a stub of notification-service and wallet-service: "Mes notifications" (screen 21)
 * with the wallet's alert threshold, the history of messages, the console's failed messages and a family's
 * preferences, the newsletters, and the page behind an unsubscribe link.
 */
class NotificationPagesTest extends GatewayTestSupport {

    @DynamicPropertySource
    static void wallet(DynamicPropertyRegistry registry) {
        registry.add("marelle.services.wallet.url", services::url);
    }

    static final String KINDS = """
            [{"kind":"WALLET_BALANCE_LOW","offered":["EMAIL","SMS"],"email":true,"sms":true,"defaults":["EMAIL","SMS"]},
             {"kind":"WALLET_OVERDRAWN","offered":["EMAIL","SMS"],"email":true,"sms":false,"defaults":["EMAIL","SMS"]},
             {"kind":"INVOICE_ISSUED","offered":["EMAIL","SMS"],"email":true,"sms":false,"defaults":["EMAIL"]},
             {"kind":"DOCUMENT_APPROVED","offered":["EMAIL","SMS"],"email":false,"sms":false,"defaults":[]},
             {"kind":"NEWSLETTER","offered":["EMAIL"],"email":true,"sms":false,"defaults":["EMAIL"]}]""";

    static String preferences(String familyId, boolean smsAvailable) {
        return """
                {"familyId":"%s","sms":{"available":%s,"reason":%s},"newsletterConsent":true,"kinds":%s}"""
                .formatted(familyId, smsAvailable, smsAvailable ? "null" : "\"NO_MOBILE\"", KINDS);
    }

    static final String MESSAGES = """
            [{"messageId":"11111111-1111-4111-8111-111111111111","familyId":"%1$s","channel":"SMS",
              "recipient":"+33612345678","template":"WALLET_BALANCE_LOW","kind":"WALLET_BALANCE_LOW","language":"fr",
              "status":"QUEUED","statusCode":null,"statusReason":null,"attempts":0,"nextAttemptAt":null,
              "notBefore":"2026-09-02T06:00:00Z","sentAt":null,"providerReference":null,
              "queuedAt":"2026-09-01T19:05:00Z","updatedAt":"2026-09-01T19:05:00Z"},
             {"messageId":"22222222-2222-4222-8222-222222222222","familyId":"%1$s","channel":"EMAIL",
              "recipient":"camille@example.org","template":"WALLET_BALANCE_LOW","kind":"WALLET_BALANCE_LOW",
              "language":"fr","status":"SENT","statusCode":null,"statusReason":null,"attempts":1,
              "nextAttemptAt":null,"notBefore":null,"sentAt":"2026-09-01T19:05:01Z","providerReference":"<x@vincey.fr>",
              "queuedAt":"2026-09-01T19:05:00Z","updatedAt":"2026-09-01T19:05:01Z"},
             {"messageId":"33333333-3333-4333-8333-333333333333","familyId":"%1$s","channel":"SMS",
              "recipient":"+33612345678","template":"INVOICE_ISSUED","kind":"INVOICE_ISSUED","language":"fr",
              "status":"FAILED","statusCode":"SMS_REJECTED","statusReason":"SMS refusé par la passerelle : HTTP 400",
              "attempts":1,"nextAttemptAt":null,"notBefore":null,"sentAt":null,"providerReference":null,
              "queuedAt":"2026-08-01T08:00:00Z","updatedAt":"2026-08-01T08:00:01Z"}]""";

    void serve(Parent parent, boolean smsAvailable) {
        services.answer("GET", "/api/notification-preferences", 200, preferences(parent.familyId(), smsAvailable));
        services.answer("GET", "/api/families/" + parent.familyId() + "/wallet/low-balance-threshold", 200,
                "{\"thresholdCents\":1500}");
    }

    @Test
    void screen_21_shows_each_kind_by_sms_and_by_email_with_the_wallet_threshold() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        serve(parent, true);

        Document page = page("/mes-notifications", session);

        assertThat(page.select("h1").text()).isEqualTo("Mes notifications");
        assertThat(page.select("nav.space-nav a.is-active").text()).isEqualTo("Mes notifications");
        assertThat(page.select("table.preferences thead th").eachText())
                .containsExactly("Type de notification", "Par SMS", "Par e-mail");
        assertThat(page.select("table.preferences tbody th").get(0).text())
                .startsWith("Alerte porte-monnaie en dessous du seuil critique (15,00 €)");
        assertThat(page.select("table.preferences tbody th").get(1).text()).startsWith("Alerte porte-monnaie négatif");
        assertThat(field(page, "kinds-WALLET_BALANCE_LOW-sms").hasAttr("checked")).isTrue();
        assertThat(field(page, "kinds-WALLET_OVERDRAWN-sms").hasAttr("checked")).isFalse();
        assertThat(field(page, "kinds-DOCUMENT_APPROVED-email").hasAttr("checked")).isFalse();
        assertThat(page.select("label[for=kinds-WALLET_OVERDRAWN-sms]").text())
                .isEqualTo("Alerte porte-monnaie négatif : par SMS");
        assertThat(page.getElementById("kinds-NEWSLETTER-sms")).as("the newsletter is email only").isNull();
        assertThat(field(page, "threshold").val()).isEqualTo("15,00");
        assertThat(page.text()).contains("Pas de SMS entre 20 h et 8 h");
        assertThat(services.last("GET", "/api/notification-preferences").token().path("fid").asText())
                .isEqualTo(parent.familyId());
    }

    @Test
    void a_family_without_a_mobile_number_is_offered_email_only_and_told_where_to_add_one() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        serve(parent, false);

        Document page = page("/mes-notifications", session);

        assertThat(page.select("input[name=sms]")).isEmpty();
        assertThat(page.select("input[name=email]")).hasSize(5);
        assertThat(page.select(".alert--info").text()).contains("pas de numéro de portable");
        assertThat(page.select("main a[href=/mon-profil]").text()).isEqualTo("Ajouter un numéro de portable dans Mon profil");
    }

    @Test
    void saving_sends_every_kind_and_the_changed_threshold_and_shows_what_was_saved() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        serve(parent, true);
        services.answer("PUT", "/api/notification-preferences", 200, preferences(parent.familyId(), true));
        services.answer("PUT", "/api/families/" + parent.familyId() + "/wallet/low-balance-threshold", 200,
                "{\"thresholdCents\":1250}");

        MvcResult result = mvc.perform(post("/mes-notifications").cookie(session).with(csrf())
                        .param("threshold", "12,50")
                        .param("email", "WALLET_BALANCE_LOW", "INVOICE_ISSUED", "DOCUMENT_APPROVED")
                        .param("sms", "WALLET_BALANCE_LOW", "WALLET_OVERDRAWN"))
                .andExpect(redirectedUrl("/mes-notifications")).andReturn();

        assertThat(services.last("PUT", "/api/families/" + parent.familyId() + "/wallet/low-balance-threshold")
                .json().path("thresholdCents").asLong()).isEqualTo(1250);
        JsonNode kinds = services.last("PUT", "/api/notification-preferences").json().path("kinds");
        assertThat(kinds.path("WALLET_OVERDRAWN").path("email").asBoolean()).isFalse();
        assertThat(kinds.path("WALLET_OVERDRAWN").path("sms").asBoolean()).isTrue();
        assertThat(kinds.path("DOCUMENT_APPROVED").path("email").asBoolean()).isTrue();
        assertThat(kinds.path("NEWSLETTER").path("email").asBoolean()).as("unticked").isFalse();
        assertThat(kinds.path("NEWSLETTER").path("sms").asBoolean()).isFalse();

        Document saved = page(get("/mes-notifications").cookie(session)
                .flashAttrs(result.getFlashMap()));
        assertThat(saved.select(".alert--success").text()).isEqualTo("Vos préférences sont enregistrées.");
        assertThat(field(saved, "kinds-WALLET_OVERDRAWN-sms").hasAttr("checked")).isTrue();
        assertThat(field(saved, "kinds-NEWSLETTER-email").hasAttr("checked")).isFalse();
        assertThat(field(saved, "threshold").val()).isEqualTo("12,50");
        assertThat(saved.select("table.preferences tbody th").get(0).text()).contains("(12,50 €)");
    }

    @Test
    void a_threshold_that_is_not_an_amount_is_said_next_to_its_field_and_nothing_is_saved() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        serve(parent, true);

        Document page = page(post("/mes-notifications").cookie(session).with(csrf())
                .param("threshold", "quinze").param("email", "WALLET_BALANCE_LOW"));

        assertThat(errorOf(page, "threshold")).isEqualTo("Indiquez un montant en euros, par exemple 15,00.");
        assertThat(page.select("#erreurs a[href=#threshold]")).hasSize(1);
        assertThat(page.title()).startsWith("Erreur");
        assertThat(services.calls("PUT", "/api/notification-preferences")).isEmpty();
    }

    @Test
    void a_choice_the_service_refuses_is_said_next_to_its_checkbox() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        serve(parent, true);
        services.answer("PUT", "/api/notification-preferences", 400, """
                {"status":400,"code":"VALIDATION_FAILED","detail":"Certains choix ne sont pas possibles.",
                 "errors":[{"field":"kinds.INVOICE_ISSUED.sms","code":"SMS_NO_MOBILE",
                            "message":"Ajoutez un numéro de portable dans votre profil pour recevoir des SMS."}]}""");

        Document page = page(post("/mes-notifications").cookie(session).with(csrf())
                .param("threshold", "15,00").param("sms", "INVOICE_ISSUED"));

        assertThat(errorOf(page, "kinds-INVOICE_ISSUED-sms"))
                .isEqualTo("Ajoutez un numéro de portable dans votre profil pour recevoir des SMS.");
        assertThat(field(page, "kinds-INVOICE_ISSUED-sms").hasAttr("checked")).isTrue();
        assertThat(services.calls("PUT", "/api/families/" + parent.familyId() + "/wallet/low-balance-threshold"))
                .as("the threshold did not change").isEmpty();
    }

    @Test
    void the_history_says_where_each_message_stands_in_words() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        services.answer("GET", "/api/messages", 200, MESSAGES.formatted(parent.familyId()));

        Document page = page("/mes-notifications/historique", session);

        assertThat(page.select("h1").text()).isEqualTo("Messages envoyés");
        assertThat(page.select("table.messages tbody tr").get(0).text())
                .contains("01/09/2026 21:05", "Porte-monnaie sous le seuil d'alerte", "SMS", "06 12 34 56 78",
                        "En attente d'envoi", "Envoi prévu le 02/09/2026 08:00 (pas de SMS la nuit)");
        assertThat(page.select("table.messages tbody tr").get(1).text()).contains("E-mail", "Envoyé",
                "Le 01/09/2026 21:05");
        assertThat(page.select("table.messages tbody tr").get(2).text()).contains("Facture disponible", "Échec",
                "SMS refusé par la passerelle : HTTP 400");
        Document english = page(get("/mes-notifications/historique").param("lang", "en").cookie(session));
        assertThat(english.select("table.messages tbody tr").get(0).text())
                .contains("Text message", "Waiting to be sent", "(no text message at night)");
    }

    @Test
    void a_parent_not_yet_active_is_kept_out() throws Exception {
        Parent parent = Parent.with("AWAITING_ACTIVATION");
        Cookie session = login(parent);
        services.answer("GET", "/api/me", 200, me(parent));
        mvc.perform(get("/mes-notifications").cookie(session)).andExpect(redirectedUrl("/?restreint"));
        mvc.perform(get("/mes-notifications/historique").cookie(session)).andExpect(redirectedUrl("/?restreint"));
    }

    @Test
    void staff_see_failed_messages_and_only_an_administrator_sends_one_again() throws Exception {
        String familyId = UUID.randomUUID().toString();
        services.answer("GET", "/api/messages/failed", 200, "[" + MESSAGES.formatted(familyId)
                .substring(MESSAGES.formatted(familyId).indexOf("{\"messageId\":\"33333333")));
        Cookie agent = loginStaff("AGENT");
        Document page = page("/admin/notifications", agent);
        assertThat(page.select("h1").text()).isEqualTo("Messages en échec");
        assertThat(page.select("table.messages tbody tr").text()).contains("Facture disponible",
                "SMS refusé par la passerelle : HTTP 400", "Essais : 1");
        assertThat(page.select("a[href=/admin/notifications/familles/" + familyId + "]")).hasSize(1);
        assertThat(page.select("form[action$=/relance]")).as("agents do not send again").isEmpty();

        Cookie admin = loginStaff("ADMIN");
        assertThat(page("/admin/notifications", admin).select("form[action$=/relance] button").text())
                .startsWith("Relancer");
        services.answer("POST", "/api/messages/33333333-3333-4333-8333-333333333333/retry", 202,
                "{\"messageId\":\"33333333-3333-4333-8333-333333333333\",\"status\":\"QUEUED\"}");
        mvc.perform(post("/admin/notifications/33333333-3333-4333-8333-333333333333/relance").cookie(admin)
                .with(csrf())).andExpect(redirectedUrl("/admin/notifications"));
        assertThat(services.last("POST", "/api/messages/33333333-3333-4333-8333-333333333333/retry").token()
                .path("role").asText()).isEqualTo("ADMIN");
        mvc.perform(post("/admin/notifications/33333333-3333-4333-8333-333333333333/relance").cookie(agent)
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/notifications").cookie(loginStaff("FINANCE"))).andExpect(status().isForbidden());
    }

    @Test
    void staff_change_a_family_s_preferences_for_it_and_an_auditor_only_reads_them() throws Exception {
        String familyId = UUID.randomUUID().toString();
        services.answer("GET", "/api/notification-preferences", 200, preferences(familyId, true));
        services.answer("GET", "/api/messages", 200, MESSAGES.formatted(familyId));
        services.answer("PUT", "/api/notification-preferences", 200, preferences(familyId, true));

        Cookie auditor = loginStaff("AUDITOR");
        Document read = page("/admin/notifications/familles/" + familyId, auditor);
        assertThat(read.select("form[method=post][action^=/admin/notifications/familles]")).isEmpty();
        assertThat(read.select("input[name=email]")).allSatisfy(box -> assertThat(box.hasAttr("disabled")).isTrue());
        assertThat(read.select("table.messages tbody tr")).hasSize(3);
        assertThat(services.last("GET", "/api/notification-preferences").query()).isEqualTo("familyId=" + familyId);

        Cookie agent = loginStaff("AGENT");
        mvc.perform(post("/admin/notifications/familles/" + familyId).cookie(agent).with(csrf())
                        .param("email", "WALLET_BALANCE_LOW").param("sms", "WALLET_BALANCE_LOW"))
                .andExpect(redirectedUrl("/admin/notifications/familles/" + familyId));
        StubService.Received put = services.last("PUT", "/api/notification-preferences");
        assertThat(put.query()).isEqualTo("familyId=" + familyId);
        assertThat(put.token().path("role").asText()).isEqualTo("AGENT");
        assertThat(put.json().path("kinds").path("INVOICE_ISSUED").path("email").asBoolean()).isFalse();
        mvc.perform(post("/admin/notifications/familles/" + familyId).cookie(auditor).with(csrf())
                .param("email", "WALLET_BALANCE_LOW")).andExpect(status().isForbidden());
    }

    static final String DRAFT = """
            {"newsletter":{"newsletterId":"%s","subject":"Fête de l'école","body":"Samedi 27 juin.",
              "status":"%s","writtenBy":"staff-1","createdAt":"2026-06-01T08:00:00Z","updatedAt":"2026-06-01T08:00:00Z",
              "sentAt":%s,"audience":%s},"progress":%s}""";

    @Test
    void staff_write_a_newsletter_see_it_as_families_will_and_send_it_to_the_families_who_consented()
            throws Exception {
        String id = UUID.randomUUID().toString();
        Cookie agent = loginStaff("AGENT");

        Document empty = page(post("/admin/lettres").cookie(agent).with(csrf()).param("subject", " ")
                .param("body", "Texte"));
        assertThat(errorOf(empty, "subject")).isEqualTo("L'objet est obligatoire.");
        assertThat(services.calls("POST", "/api/newsletters")).isEmpty();

        services.answer("POST", "/api/newsletters", 201, DRAFT.formatted(id, "DRAFT", "null", "null", "null"));
        mvc.perform(post("/admin/lettres").cookie(agent).with(csrf()).param("subject", "Fête de l'école")
                .param("body", "Samedi 27 juin.")).andExpect(redirectedUrl("/admin/lettres/" + id + "?enregistree"));
        assertThat(services.last("POST", "/api/newsletters").json().path("subject").asText())
                .isEqualTo("Fête de l'école");

        services.answer("GET", "/api/newsletters/" + id, 200, DRAFT.formatted(id, "DRAFT", "null", "null", "null"));
        services.answer("GET", "/api/newsletters/" + id + "/preview", 200, """
                {"subject":"Fête de l'école – Ville de Vincey","text":"Bonjour,\\n\\nSamedi 27 juin.","html":"<p>…</p>",
                 "language":"fr","audience":42}""");
        Document draft = page(get("/admin/lettres/" + id).param("enregistree", "").cookie(agent));
        assertThat(draft.select("h1").text()).isEqualTo("Fête de l'école");
        assertThat(draft.select(".newsletter-preview").text()).contains("Bonjour,", "Samedi 27 juin.");
        assertThat(draft.text()).contains("Fête de l'école – Ville de Vincey", "elle partira à 42 personne(s)");
        assertThat(draft.select("form[action=/admin/lettres/" + id + "/envoi] button").text())
                .isEqualTo("Envoyer la lettre");
        assertThat(field(draft, "subject").val()).isEqualTo("Fête de l'école");

        services.answer("POST", "/api/newsletters/" + id + "/sending", 202, "{\"status\":\"SENT\"}");
        mvc.perform(post("/admin/lettres/" + id + "/envoi").cookie(agent).with(csrf()))
                .andExpect(redirectedUrl("/admin/lettres/" + id + "?envoi"));

        services.answer("GET", "/api/newsletters/" + id, 200, DRAFT.formatted(id, "SENT", "\"2026-06-01T09:00:00Z\"",
                "40", "{\"audience\":40,\"toQueue\":10,\"skipped\":1,\"waiting\":5,\"sent\":20,\"failed\":4,\"done\":false}"));
        Document sending = page(get("/admin/lettres/" + id).param("envoi", "").cookie(agent));
        Element progress = sending.getElementById("progression");
        assertThat(progress.attr("hx-get")).isEqualTo("/admin/lettres/" + id + "/progression");
        assertThat(progress.attr("hx-trigger")).isEqualTo("every 2s");
        assertThat(progress.select("progress").attr("value")).isEqualTo("25");
        assertThat(progress.select("progress").attr("max")).isEqualTo("40");
        assertThat(progress.select("label[for=progression-barre]")).hasSize(1);
        assertThat(progress.text()).contains("25 sur 40 : 20 envoyée(s), 4 en échec, 1 non envoyée(s)");
        assertThat(sending.select("form[action$=/envoi]")).as("sent once").isEmpty();

        services.answer("GET", "/api/newsletters/" + id, 200, DRAFT.formatted(id, "SENT", "\"2026-06-01T09:00:00Z\"",
                "40", "{\"audience\":40,\"toQueue\":0,\"skipped\":1,\"waiting\":0,\"sent\":35,\"failed\":4,\"done\":true}"));
        Document done = page("/admin/lettres/" + id + "/progression", agent);
        assertThat(done.getElementById("progression").hasAttr("hx-get")).as("polling stops").isFalse();
        assertThat(done.text()).contains("Envoi terminé.");
        mvc.perform(get("/admin/lettres/nouvelle").cookie(loginStaff("AUDITOR"))).andExpect(status().isForbidden());
    }

    @Test
    void the_console_shows_the_failed_messages_to_handle_and_what_a_family_gets_in_its_file() throws Exception {
        String familyId = UUID.randomUUID().toString();
        services.answer("GET", "/api/messages/failed", 200, "[" + MESSAGES.formatted(familyId)
                .substring(MESSAGES.formatted(familyId).indexOf("{\"messageId\":\"33333333")));
        services.answer("GET", "/api/guardians/awaiting-activation", 200, "[]");
        Cookie admin = loginStaff("ADMIN");

        Document home = page("/admin", admin);
        assertThat(home.select("[data-tile=failedMessages] .tile__figure").text())
                .isEqualTo("1 message en échec");

        services.answer("GET", "/api/families/" + familyId, 200, family(familyId, UUID.randomUUID().toString(),
                "ACTIVE"));
        services.answer("GET", "/api/notification-preferences", 200, preferences(familyId, false));
        services.answer("GET", "/api/messages", 200, "[]");
        Document file = page("/admin/familles/" + familyId, admin);
        Element section = file.select("section.family-section").stream()
                .filter(s -> s.text().startsWith("Notifications")).findFirst().orElseThrow();
        assertThat(section.select("li").eachText()).contains("Alerte porte-monnaie négatif : E-mail",
                "Document accepté : rien", "Alerte porte-monnaie en dessous du seuil critique (seuil de la famille) : SMS, E-mail");
        assertThat(section.text()).contains("Aucun numéro de portable : e-mails seulement.");
        assertThat(section.select("a[href=/admin/notifications/familles/" + familyId + "]")).hasSize(1);
    }

    @Test
    void the_unsubscribe_link_asks_to_confirm_and_posts_the_token_as_the_gateway() throws Exception {
        Document confirm = page(get("/newsletter/desinscription").param("jeton", "abc-123"));
        assertThat(confirm.select("h1").text()).isEqualTo("Se désinscrire de la lettre d'information");
        assertThat(confirm.select("input[name=token]").val()).isEqualTo("abc-123");
        assertThat(services.calls("POST", "/api/newsletter/unsubscriptions")).as("nothing on a GET").isEmpty();
        assertThat(mvc.perform(get("/newsletter/desinscription").param("jeton", "abc-123")).andReturn()
                .getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");

        services.answer("POST", "/api/newsletter/unsubscriptions", 200, "{\"unsubscribed\":true}");
        Document done = page(post("/newsletter/desinscription").param("token", "abc-123").with(csrf()));
        assertThat(done.select("h1").text()).isEqualTo("Vous êtes désinscrit(e)");
        StubService.Received call = services.last("POST", "/api/newsletter/unsubscriptions");
        assertThat(call.json().path("token").asText()).isEqualTo("abc-123");
        assertThat(call.token().path("sub").asText()).isEqualTo("system:gateway");

        services.answer("POST", "/api/newsletter/unsubscriptions", 404, """
                {"status":404,"code":"UNSUBSCRIBE_LINK_UNKNOWN","detail":"Ce lien de désinscription n'est pas reconnu."}""");
        MvcResult unknown = mvc.perform(post("/newsletter/desinscription").param("token", "faux").with(csrf()))
                .andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(org.jsoup.Jsoup.parse(unknown.getResponse().getContentAsString()).select("h1").text())
                .isEqualTo("Lien non reconnu");
    }
}
