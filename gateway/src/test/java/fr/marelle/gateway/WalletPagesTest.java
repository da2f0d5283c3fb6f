package fr.marelle.gateway;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The wallet pages against a stub of wallet-service: "Porte-monnaie" (screen 19) with its four figures, what is to
 * come and the history; "Créditer mon porte-monnaie" (screen 20) with the amount checked next to its field, the page
 * before the provider's and the page the payer comes back to; the console's wallets and the operations finance staff
 * record, with the roles that open them.
 */
class WalletPagesTest extends GatewayTestSupport {

    @DynamicPropertySource
    static void wallet(DynamicPropertyRegistry registry) {
        registry.add("marelle.services.wallet.url", services::url);
        // planning contributes charts for every staff role: it answers here, so nothing is reported missing
        registry.add("marelle.services.planning.url", services::url);
    }

    static final String PAYMENT = "5d5d5d5d-6e6e-4f7f-8080-91912a2a3b3b";

    static String walletOf(String familyId, long main, long cesu) {
        return """
                {"familyId":"%s","mainBalanceCents":%d,"cesuBalanceCents":%d,"upcomingMainCents":380,
                 "upcomingCesuCents":190,"lowBalanceThresholdCents":1500,"version":7,
                 "updatedAt":"2026-09-07T16:31:02Z"}""".formatted(familyId, main, cesu);
    }

    static final String MOVEMENTS = """
            [{"movementId":"4c4c4c4c-5d5d-4e6e-8f7f-808091912a2a","sequence":6,"occurredAt":"2026-09-07T16:31:02Z",
              "kind":"CHARGE","mainCents":-60,"cesuCents":-190,"mainBalanceCents":-60,"cesuBalanceCents":0,
              "reference":null,"issuer":null,"reason":null,"chargeId":"c1","childId":"child-1",
              "childFirstName":"Léa","serviceId":"evening-daycare","serviceName":"Garderie soir",
              "serviceDate":"2026-09-07","actorId":"system:wallet-service","actorRole":"SYSTEM"},
             {"movementId":"3b3b3b3b-4c4c-4d5d-8e6e-7f7f80809191","sequence":3,"occurredAt":"2026-09-02T17:45:00Z",
              "kind":"CESU_CHEQUE","mainCents":0,"cesuCents":190,"mainBalanceCents":0,"cesuBalanceCents":190,
              "reference":"0123456789","issuer":"Edenred","reason":"Chèques remis à l'accueil","chargeId":null,
              "childId":null,"childFirstName":null,"serviceId":null,"serviceName":null,"serviceDate":null,
              "actorId":"staff-1","actorRole":"FINANCE"}]""";

    static final String UPCOMING = """
            [{"chargeId":"c2","childId":"child-1","childFirstName":"Léa","serviceId":"canteen",
              "serviceName":"Restauration scolaire","serviceDate":"2026-09-08","amountCents":380,
              "cesuEligible":false}]""";

    static final String LIMITS = "{\"minimumCents\":1000,\"maximumCents\":30000,\"cardPaymentOffered\":true}";

    void serveWallet(String familyId, long main) {
        services.answer("GET", "/api/families/" + familyId + "/wallet", 200, walletOf(familyId, main, 0));
        services.answer("GET", "/api/families/" + familyId + "/wallet/movements", 200, MOVEMENTS);
        services.answer("GET", "/api/families/" + familyId + "/wallet/upcoming", 200, UPCOMING);
        services.answer("GET", "/api/families/" + familyId + "/top-ups", 200, "[]");
        services.answer("GET", "/api/top-ups/limits", 200, LIMITS);
    }

    @Test
    void the_wallet_shows_the_four_figures_what_is_to_come_and_what_each_movement_paid_for() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        serveWallet(parent.familyId(), -60);
        Document page = page("/porte-monnaie", session);
        assertThat(page.select("h1").text()).isEqualTo("Porte-monnaie");
        assertThat(page.select(".wallet-figure dt").eachText()).containsExactly("Solde", "À venir",
                "Solde mercredi récréatif", "À venir mercredi récréatif");
        assertThat(page.select(".wallet-figure dd").first().text()).isEqualTo("−0,60 € Solde négatif");
        assertThat(page.select("nav.space-nav a.is-active").text()).isEqualTo("Porte-monnaie");
        assertThat(page.select("table.movements tbody tr").get(0).text())
                .contains("Garderie soir – Léa – 07/09/2026").contains("− 2,50 €")
                .contains("dont 1,90 € sur le solde mercredi récréatif");
        assertThat(page.select("table.movements tbody tr").get(1).text())
                .contains("Chèque CESU n° 0123456789 (Edenred)").contains("Motif : Chèques remis à l'accueil")
                .contains("+ 1,90 €");
        assertThat(page.select("table.movements th").eachText()).doesNotContain("Enregistré par");
        assertThat(page.text()).contains("Restauration scolaire").contains("Seuil d'alerte : 15,00 €");
        assertThat(page.select("a[href=/porte-monnaie/crediter]").text()).isEqualTo("Créditer mon porte-monnaie");
        // every call is the parent's, for their own family
        assertThat(services.last("GET", "/api/families/" + parent.familyId() + "/wallet").token()
                .path("fid").asText()).isEqualTo(parent.familyId());
    }

    @Test
    void the_wallet_reads_in_english_too() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        serveWallet(parent.familyId(), 2_500);
        Document page = page(get("/porte-monnaie").param("lang", "en").cookie(session));
        assertThat(page.select(".wallet-figure dt").eachText()).containsExactly("Balance", "To come",
                "Wednesday club balance (CESU)", "To come on the Wednesday club balance");
        assertThat(page.select(".wallet-figure dd").first().text()).isEqualTo("€25.00");
    }

    @Test
    void a_parent_not_yet_active_is_kept_out() throws Exception {
        Parent parent = Parent.with("AWAITING_ACTIVATION");
        Cookie session = login(parent);
        services.answer("GET", "/api/me", 200, me(parent));
        mvc.perform(get("/porte-monnaie").cookie(session)).andExpect(redirectedUrl("/?restreint"));
        mvc.perform(get("/porte-monnaie/crediter").cookie(session)).andExpect(redirectedUrl("/?restreint"));
    }

    @Test
    void an_amount_below_10_euros_above_the_maximum_or_not_an_amount_is_said_under_its_label() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        serveWallet(parent.familyId(), 0);
        Document form = page("/porte-monnaie/crediter", session);
        assertThat(form.select("h1").text()).isEqualTo("Créditer mon porte-monnaie");
        assertThat(form.getElementById("amount-hint").text()).isEqualTo("Entre 10,00 € et 300,00 €, par exemple 25 "
                + "ou 25,50.");
        assertThat(field(form, "amount").attr("inputmode")).isEqualTo("decimal");
        for (String[] typed : new String[][]{{"9,99", "Le montant minimum est de 10,00 €."},
                {"300,01", "Le montant maximum est de 300,00 €."}, {"dix euros", "Indiquez un montant en euros, "
                + "par exemple 25 ou 25,50."}, {"", "Indiquez le montant à créditer."}}) {
            Document page = page(post("/porte-monnaie/crediter").param("amount", typed[0]).cookie(session)
                    .with(csrf()));
            assertThat(errorOf(page, "amount")).as(typed[0]).isEqualTo(typed[1]);
            assertThat(page.title()).startsWith("Erreur :");
            assertThat(page.getElementById("amount").val()).isEqualTo(typed[0]);
        }
        assertThat(services.received.stream().filter(r -> r.path().endsWith("/top-ups"))).isEmpty();
    }

    @Test
    void a_top_up_leads_to_the_provider_s_page_and_back_to_its_result() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        serveWallet(parent.familyId(), 0);
        services.answer("POST", "/api/families/" + parent.familyId() + "/top-ups", 201, """
                {"paymentId":"%s","amountCents":2550,"redirectUrl":"http://localhost:8090/paiement/sbx_1",
                 "expiresAt":"2026-09-02T20:00:00Z"}""".formatted(PAYMENT));
        MvcResult sent = mvc.perform(post("/porte-monnaie/crediter").param("amount", "25,5").cookie(session)
                .with(csrf())).andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/porte-monnaie/crediter/" + PAYMENT);
        StubService.Received request = services.last("POST", "/api/families/" + parent.familyId() + "/top-ups");
        assertThat(request.json().path("amountCents").asLong()).isEqualTo(2_550);
        assertThat(request.json().path("payerEmail").asText()).isEqualTo(parent.email());

        Document confirm = page(get("/porte-monnaie/crediter/" + PAYMENT).cookie(session)
                .flashAttrs(sent.getFlashMap()));
        assertThat(confirm.getElementById("payer").attr("href")).isEqualTo("http://localhost:8090/paiement/sbx_1");
        assertThat(confirm.getElementById("payer").text()).isEqualTo("Payer 25,50 € par carte");

        services.answer("GET", "/api/families/" + parent.familyId() + "/top-ups/" + PAYMENT, 200, """
                {"paymentId":"%s","amountCents":2550,"provider":"SANDBOX","status":"PENDING",
                 "startedAt":"2026-09-02T19:45:00Z","redirectUrl":"http://localhost:8090/paiement/sbx_1"}"""
                .formatted(PAYMENT));
        Document pending = page("/porte-monnaie/paiements/" + PAYMENT, session);
        assertThat(services.last("GET", "/api/families/" + parent.familyId() + "/top-ups/" + PAYMENT).query())
                .isEqualTo("check=true");
        assertThat(pending.getElementById("etat-paiement").attr("hx-trigger")).isEqualTo("every 3s");
        assertThat(pending.getElementById("etat-paiement").attr("role")).isEqualTo("status");
        assertThat(pending.getElementById("etat-paiement").text()).contains("En attente de confirmation");

        services.answer("GET", "/api/families/" + parent.familyId() + "/top-ups/" + PAYMENT, 200, """
                {"paymentId":"%s","amountCents":2550,"provider":"SANDBOX","status":"SUCCEEDED",
                 "startedAt":"2026-09-02T19:45:00Z"}""".formatted(PAYMENT));
        Document state = page("/porte-monnaie/paiements/" + PAYMENT + "/etat", session);
        assertThat(state.getElementById("etat-paiement").hasAttr("hx-trigger")).as("no more polling").isFalse();
        assertThat(state.text()).contains("Paiement accepté : votre porte-monnaie est crédité de 25,50 €.");
    }

    @Test
    void a_declined_payment_says_so_and_offers_to_try_again() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        services.answer("GET", "/api/families/" + parent.familyId() + "/top-ups/" + PAYMENT, 200, """
                {"paymentId":"%s","amountCents":5000,"provider":"SANDBOX","status":"DECLINED",
                 "startedAt":"2026-09-02T19:45:00Z"}""".formatted(PAYMENT));
        Document page = page("/porte-monnaie/paiements/" + PAYMENT, session);
        assertThat(page.select(".badge").text()).isEqualTo("Refusé par la banque");
        assertThat(page.text()).contains("Votre banque a refusé le paiement de 50,00 €.");
        assertThat(page.select("a[href=/porte-monnaie/crediter]").text()).isEqualTo("Réessayer");
    }

    @Test
    void another_family_s_payment_answers_404() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        mvc.perform(get("/porte-monnaie/paiements/" + UUID.randomUUID()).cookie(session))
                .andExpect(status().isNotFound());
    }

    @Test
    void when_the_provider_is_down_the_parent_is_told_on_the_form() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        serveWallet(parent.familyId(), 0);
        services.answer("POST", "/api/families/" + parent.familyId() + "/top-ups", 503, """
                {"status":503,"code":"PAYMENT_PROVIDER_UNAVAILABLE","detail":"Indisponible."}""");
        Document page = page(post("/porte-monnaie/crediter").param("amount", "20").cookie(session).with(csrf()));
        assertThat(page.select("#erreurs").text()).contains("Le paiement par carte est momentanément indisponible");
    }

    @Test
    void finance_staff_find_a_family_and_record_a_cesu_cheque_with_its_reason() throws Exception {
        Cookie session = loginStaff("FINANCE");
        String familyId = UUID.randomUUID().toString();
        services.answer("GET", "/api/families", 200, """
                [{"familyId":"%s","guardianId":"%s","firstName":"Camille","lastName":"Martin",
                  "loginEmail":"camille@example.org","mainPhone":"+33612345678","status":"ACTIVE"}]"""
                .formatted(familyId, UUID.randomUUID()));
        Document search = page(get("/admin/porte-monnaie").param("q", "martin").cookie(session));
        assertThat(search.select("a[href=/admin/porte-monnaie/" + familyId + "]").text()).isEqualTo("Martin Camille");
        assertThat(search.select("nav.console-nav a.is-active").text()).isEqualTo("Porte-monnaie");

        services.answer("GET", "/api/families/" + familyId, 200, family(familyId, UUID.randomUUID().toString(),
                "ACTIVE"));
        serveWallet(familyId, 1_000);
        Document wallet = page("/admin/porte-monnaie/" + familyId, session);
        assertThat(wallet.select("h1").text()).isEqualTo("Porte-monnaie de la famille Martin");
        assertThat(wallet.select("table.movements tbody tr").get(0).text()).contains("Facturation (présence)");
        assertThat(wallet.select("table.movements tbody tr").get(1).text()).contains("Régie (finances)");
        assertThat(wallet.select("#operations + ul a").eachText()).containsExactly("Chèques CESU",
                "Paiement en espèces ou par chèque", "Remboursement", "Ajustement");

        Document form = page("/admin/porte-monnaie/" + familyId + "/operations/cesu", session);
        String operationId = form.select("input[name=operationId]").val();
        assertThat(UUID.fromString(operationId)).isNotNull();
        field(form, "number");
        field(form, "issuer");
        field(form, "reason");

        Document refused = page(post("/admin/porte-monnaie/" + familyId + "/operations/cesu")
                .param("operationId", operationId).param("amount", "45").param("number", "0123456789")
                .param("issuer", "Edenred").param("reason", "  ").cookie(session).with(csrf()));
        assertThat(errorOf(refused, "reason")).isEqualTo("Le motif est obligatoire.");

        services.answer("POST", "/api/families/" + familyId + "/wallet/cesu-cheques", 201, """
                {"movementId":"%s","recordedNow":true,"mainBalanceCents":1000,"cesuBalanceCents":4500,
                 "upcomingMainCents":0,"upcomingCesuCents":0}""".formatted(operationId));
        MvcResult recorded = mvc.perform(post("/admin/porte-monnaie/" + familyId + "/operations/cesu")
                .param("operationId", operationId).param("amount", "45,00").param("number", "0123456789")
                .param("issuer", "Edenred").param("reason", "Chèques remis à l'accueil").cookie(session)
                .with(csrf())).andReturn();
        assertThat(recorded.getResponse().getRedirectedUrl()).isEqualTo("/admin/porte-monnaie/" + familyId);
        assertThat(recorded.getFlashMap().get("recorded").toString().replaceAll("[\u00a0\u202f]", " "))
                .isEqualTo("Opération enregistrée (Chèques CESU). Solde : 10,00 € ; solde mercredi récréatif : "
                        + "45,00 €.");
        StubService.Received sent = services.last("POST", "/api/families/" + familyId + "/wallet/cesu-cheques");
        assertThat(sent.json().path("amountCents").asLong()).isEqualTo(4_500);
        assertThat(sent.json().path("operationId").asText()).isEqualTo(operationId);
        assertThat(sent.json().path("reason").asText()).isEqualTo("Chèques remis à l'accueil");
        assertThat(sent.token().path("role").asText()).isEqualTo("FINANCE");
    }

    @Test
    void a_refusal_of_wallet_service_lands_next_to_its_field() throws Exception {
        Cookie session = loginStaff("ADMIN");
        String familyId = UUID.randomUUID().toString();
        services.answer("GET", "/api/families/" + familyId, 200, family(familyId, UUID.randomUUID().toString(),
                "ACTIVE"));
        serveWallet(familyId, 1_000);
        services.answer("POST", "/api/families/" + familyId + "/wallet/cesu-cheques", 409, """
                {"status":409,"code":"CESU_CHEQUE_ALREADY_RECORDED",
                 "detail":"Le chèque CESU n° 0123456789 est déjà enregistré pour cette famille."}""");
        Document page = page(post("/admin/porte-monnaie/" + familyId + "/operations/cesu")
                .param("operationId", UUID.randomUUID().toString()).param("amount", "45").param("number",
                        "0123456789").param("issuer", "Edenred").param("reason", "Encore").cookie(session)
                .with(csrf()));
        assertThat(errorOf(page, "number"))
                .isEqualTo("Le chèque CESU n° 0123456789 est déjà enregistré pour cette famille.");

        services.answer("POST", "/api/families/" + familyId + "/wallet/adjustments", 422, """
                {"status":422,"code":"CESU_BALANCE_NEGATIVE",
                 "detail":"Le solde mercredi récréatif ne peut pas devenir négatif."}""");
        Document adjustment = page(post("/admin/porte-monnaie/" + familyId + "/operations/ajustement")
                .param("operationId", UUID.randomUUID().toString()).param("pocket", "CESU")
                .param("direction", "DEBIT").param("amount", "5").param("reason", "Erreur").cookie(session)
                .with(csrf()));
        assertThat(adjustment.select("#erreurs").text())
                .contains("Le solde mercredi récréatif ne peut pas devenir négatif.");
        assertThat(services.last("POST", "/api/families/" + familyId + "/wallet/adjustments").json()
                .path("amountCents").asLong()).isEqualTo(-500);
    }

    @Test
    void auditors_read_wallets_agents_and_parents_do_not_reach_the_console_and_only_finance_records()
            throws Exception {
        String familyId = UUID.randomUUID().toString();
        services.answer("GET", "/api/families/" + familyId, 200, family(familyId, UUID.randomUUID().toString(),
                "ACTIVE"));
        serveWallet(familyId, 1_000);
        Cookie auditor = loginStaff("AUDITOR");
        Document read = page("/admin/porte-monnaie/" + familyId, auditor);
        assertThat(read.select("#operations")).isEmpty();
        mvc.perform(get("/admin/porte-monnaie/" + familyId + "/operations/cesu").cookie(auditor))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/porte-monnaie/" + familyId + "/operations/cesu").cookie(auditor).with(csrf()))
                .andExpect(status().isForbidden());
        Cookie agent = loginStaff("AGENT");
        mvc.perform(get("/admin/porte-monnaie").cookie(agent)).andExpect(status().isForbidden());
        assertThat(page("/admin", agent).select("nav.console-nav a").eachText()).doesNotContain("Porte-monnaie");
        Parent parent = Parent.with("ACTIVE");
        Cookie parentSession = login(parent);
        mvc.perform(get("/admin/porte-monnaie").cookie(parentSession)).andExpect(status().isForbidden());
    }

    @Test
    void every_wallet_text_has_its_english_translation() throws Exception {
        java.util.Properties french = new java.util.Properties();
        java.util.Properties english = new java.util.Properties();
        try (var fr = getClass().getResourceAsStream("/i18n/wallet.properties");
             var en = getClass().getResourceAsStream("/i18n/wallet_en.properties")) {
            french.load(new java.io.InputStreamReader(fr, java.nio.charset.StandardCharsets.UTF_8));
            english.load(new java.io.InputStreamReader(en, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(french.stringPropertyNames()).allMatch(key -> key.startsWith("wallet."));
        assertThat(english.stringPropertyNames()).containsAll(french.stringPropertyNames());
        // English only: the service's refusals, which French shows in the service's own words
        assertThat(english.stringPropertyNames().stream().filter(k -> !french.containsKey(k)))
                .allMatch(key -> key.startsWith("wallet.problem."));
    }

    // --- the console: tile, wallets below zero, family file, chart ------------------------------------------------

    static String overdrawn(long count, String... families) {
        List<String> wallets = new ArrayList<>();
        long balance = -4_250;
        for (String family : families) {
            wallets.add(walletOf(family, balance, 0));
            balance += 4_000;
        }
        return "{\"count\":%d,\"wallets\":[%s]}".formatted(count, String.join(",", wallets));
    }

    @Test
    void the_finance_desk_sees_how_many_wallets_are_below_zero_with_the_list_most_negative_first() throws Exception {
        Cookie finance = loginStaff("FINANCE");
        services.answer("GET", "/api/wallets/overdrawn", 200, overdrawn(3));
        Document home = page("/admin", finance);
        assertThat(home.select("[data-tile=overdrawnWallets] h2 a").attr("href"))
                .isEqualTo("/admin/porte-monnaie/negatifs");
        assertThat(home.select("[data-tile=overdrawnWallets] .tile__figure").text())
                .isEqualTo("3 porte-monnaie sous zéro");
        assertThat(home.select("[data-tile=overdrawnWallets] .badge").text()).isEqualTo("À traiter");
        assertThat(services.last("GET", "/api/wallets/overdrawn").query()).isEqualTo("limit=0");
        services.answer("GET", "/api/wallets/overdrawn", 200, overdrawn(0));
        assertThat(page("/admin", loginStaff("ADMIN")).select("[data-tile=overdrawnWallets] .badge"))
                .as("nothing to do: no call to action").isEmpty();

        String martin = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        services.answer("GET", "/api/wallets/overdrawn", 200, overdrawn(2, martin, unknown));
        services.answer("GET", "/api/families/names", 200, """
                [{"familyId": "%s", "familyName": "Martin"}]""".formatted(martin));
        int namesAsked = services.calls("GET", "/api/families/names").size();
        Document list = page("/admin/porte-monnaie/negatifs", finance);
        assertThat(services.calls("GET", "/api/families/names")).as("one call for the whole list")
                .hasSize(namesAsked + 1);
        assertThat(services.last("GET", "/api/families/names").query())
                .isEqualTo("id=" + martin + "&id=" + unknown);
        assertThat(list.select("h1").text()).isEqualTo("Porte-monnaie négatifs");
        assertThat(list.select("[role=status]").text()).isEqualTo("2 porte-monnaie sont sous zéro.");
        assertThat(list.select("table.overdrawn tbody tr")).hasSize(2);
        Element first = list.select("table.overdrawn tbody tr").first();
        assertThat(first.select("a").attr("href")).isEqualTo("/admin/porte-monnaie/" + martin);
        assertThat(first.select("a").text()).isEqualTo("Martin");
        assertThat(first.select("td.amount").first().text()).isEqualTo("−42,50 €");
        assertThat(list.select("table.overdrawn tbody tr").get(1).select("a").text())
                .as("accounts does not know it: the family's id stands for its name").isEqualTo("Famille " + unknown);

        int asked = services.calls("GET", "/api/wallets/overdrawn").size();
        for (String role : List.of("AGENT", "AUDITOR")) {
            Cookie session = loginStaff(role);
            assertThat(page("/admin", session).select("[data-tile=overdrawnWallets]")).as(role).isEmpty();
            mvc.perform(get("/admin/porte-monnaie/negatifs").cookie(session)).andExpect(status().isForbidden());
        }
        assertThat(services.calls("GET", "/api/wallets/overdrawn")).as("wallet-service not asked for them")
                .hasSize(asked);
    }

    @Test
    void the_family_file_shows_the_wallet_figures_and_last_movements_to_those_who_may_open_it() throws Exception {
        String familyId = UUID.randomUUID().toString();
        services.answer("GET", "/api/families/" + familyId, 200, family(familyId, UUID.randomUUID().toString(),
                "ACTIVE"));
        serveWallet(familyId, -60);
        Document file = page("/admin/familles/" + familyId, loginStaff("FINANCE"));
        Element section = file.select("section.family-section:has(h2#porte-monnaie)").first();
        assertThat(section).isNotNull();
        assertThat(section.select("h2").text()).isEqualTo("Porte-monnaie");
        assertThat(section.select(".wallet-figure dt").eachText()).containsExactly("Solde", "À venir",
                "Solde mercredi récréatif", "À venir mercredi récréatif");
        assertThat(section.select(".wallet-figure dd").eachText()).containsExactly("−0,60 € Solde négatif", "3,80 €",
                "0,00 €", "1,90 €");
        assertThat(section.select("table.movements tbody tr")).hasSize(2);
        assertThat(section.select("table.movements tbody tr").first().text()).contains("Garderie soir – Léa");
        assertThat(services.last("GET", "/api/families/" + familyId + "/wallet/movements").query())
                .contains("limit=5");
        assertThat(section.select("a[href=/admin/porte-monnaie/" + familyId + "]").text())
                .isEqualTo("Voir le porte-monnaie et enregistrer un paiement");

        Document audited = page("/admin/familles/" + familyId, loginStaff("AUDITOR"));
        assertThat(audited.select("section.family-section:has(h2#porte-monnaie) a[href=/admin/porte-monnaie/"
                + familyId + "]").text()).isEqualTo("Voir le porte-monnaie de la famille");
        Document agent = page("/admin/familles/" + familyId, loginStaff("AGENT"));
        assertThat(agent.select("h2#porte-monnaie")).as("agents do not open wallets in the console").isEmpty();
    }

    @Test
    void money_in_and_out_per_month_is_charted_tabled_and_downloadable_for_the_finance_desk() throws Exception {
        services.answer("GET", "/api/wallets/flows", 200, """
                [{"month":"2026-09","topUpCents":80000,"cesuChequeCents":15000,"cashCents":5050,"chequeCents":25000,
                  "inCents":125050,"debitedCents":110000,"refundCents":380,"adjustmentCents":0},
                 {"month":"2026-10","topUpCents":0,"cesuChequeCents":0,"cashCents":0,"chequeCents":0,
                  "inCents":0,"debitedCents":101990,"refundCents":0,"adjustmentCents":-500}]""");
        Cookie finance = loginStaff("FINANCE");
        Document page = page("/admin/graphiques?from=2026-09-01&to=2026-10-31", finance);
        assertThat(services.last("GET", "/api/wallets/flows").query()).isEqualTo("from=2026-09-01&to=2026-10-31");
        Element chart = page.select("#graphique-porte-monnaie").first();
        assertThat(chart).isNotNull();
        assertThat(chart.select("h2").text()).isEqualTo("Argent entré et sorti par mois");
        assertThat(chart.select(".chart__legend li").eachText()).containsExactly("Entrées", "Sorties",
                "Remboursements");
        assertThat(chart.select("svg rect")).hasSize(6);
        assertThat(chart.select("svg rect title").eachText().stream().map(ConsoleTest::spaces))
                .contains("sept. 2026 · Entrées : 1 250,50 €", "oct. 2026 · Sorties : 1 019,90 €");
        assertThat(chart.select("table tbody tr").first().select("th, td").eachText().stream()
                .map(ConsoleTest::spaces)).containsExactly("sept. 2026", "1 250,50 €", "1 100,00 €", "3,80 €");

        String csvHref = chart.select("a[href*=.csv]").attr("href");
        assertThat(csvHref).isEqualTo("/admin/graphiques/porte-monnaie.csv?from=2026-09-01&to=2026-10-31");
        MvcResult csv = mvc.perform(get(csvHref).cookie(finance)).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> read = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(csv.getResponse().getContentAsString(StandardCharsets.UTF_8)
                        .substring(1))) {
            read.forEachRemaining(rows::add);
        }
        assertThat(rows).containsExactly(List.of("Période", "Entrées (€)", "Sorties (€)", "Remboursements (€)"),
                List.of("sept. 2026", "1250.50", "1100.00", "3.80"), List.of("oct. 2026", "0.00", "1019.90", "0.00"));

        Document english = page("/admin/graphiques?from=2026-09-01&to=2026-10-31&lang=en", finance);
        assertThat(english.select("#graphique-porte-monnaie h2").text()).isEqualTo("Money in and out per month");
        assertThat(english.select("#graphique-porte-monnaie .chart__legend li").eachText())
                .as("the series in the visitor's language, though written on another thread")
                .containsExactly("In", "Out", "Refunds");
        page("/admin/graphiques?lang=fr", finance);

        int asked = services.calls("GET", "/api/wallets/flows").size();
        services.answer("GET", "/api/occupancy/weekly", 200, "[]");
        for (String role : List.of("AGENT", "AUDITOR")) {
            Cookie session = loginStaff(role);
            Document other = page("/admin/graphiques?from=2026-09-01&to=2026-10-31", session);
            assertThat(other.select("#graphique-porte-monnaie")).as(role).isEmpty();
            assertThat(other.select("[role=alert]")).as(role + ": nothing reported missing").isEmpty();
            assertThat(mvc.perform(get(csvHref).cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(404);
        }
        assertThat(services.calls("GET", "/api/wallets/flows")).as("wallet-service not asked for them")
                .hasSize(asked);
    }
}
