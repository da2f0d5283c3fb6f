package fr.marelle.gateway;

import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The billing pages against a stub of billing-service: "Ma facturation" (screen 18) with its empty state, orders and
 * invoices newest first, PDFs; the console's month end, a family's invoices, credit notes and tariff grids, with the
 * roles that open them and errors next to their fields.
 */
class BillingPagesTest extends GatewayTestSupport {

    @DynamicPropertySource
    static void billing(DynamicPropertyRegistry registry) {
        registry.add("marelle.services.billing.url", services::url);
    }

    static final String INVOICE = "1f1f1f1f-2e2e-4d3d-8c4c-5b5b6a6a7979";
    static final String ORDER = "0a0a0a0a-1b1b-4c2c-8d3d-4e4e5f5f6a6a";
    static final String NOTE = "2a2a2a2a-3b3b-4c4c-8d5d-6e6e7f7f8080";

    static String billing(String familyId, boolean empty) {
        if (empty) {
            return "{\"familyId\":\"%s\",\"orders\":[],\"invoices\":[],\"creditNotes\":[]}".formatted(familyId);
        }
        return """
                {"familyId":"%1$s",
                 "orders":[{"orderId":"%2$s","number":"CMD-2026-000124","familyId":"%1$s",
                            "placedAt":"2026-09-10T16:00:00Z","totalCents":380,"bookedLines":2,"waitlistedLines":1},
                           {"orderId":"%5$s","number":"CMD-2026-000123","familyId":"%1$s",
                            "placedAt":"2026-08-25T18:02:11Z","totalCents":2280,"bookedLines":12,"waitlistedLines":0}],
                 "invoices":[{"invoiceId":"%3$s","number":"FAC-2026-000042","familyId":"%1$s",
                              "periodStart":"2026-09-01","periodEnd":"2026-09-30","totalCents":123456,
                              "creditedCents":190,"billedTo":"Madame Camille Martin",
                              "issuedAt":"2026-10-01T02:00:00Z"}],
                 "creditNotes":[{"creditNoteId":"%4$s","number":"AV-2026-000003","invoiceId":"%3$s",
                                 "familyId":"%1$s","totalCents":190,"reason":"Journée comptée deux fois",
                                 "issuedAt":"2026-10-03T09:12:00Z","issuedBy":"staff"}]}"""
                .formatted(familyId, ORDER, INVOICE, NOTE, UUID.randomUUID());
    }

    static String invoice(String familyId) {
        return """
                {"invoice":{"invoiceId":"%2$s","number":"FAC-2026-000042","familyId":"%1$s",
                            "periodStart":"2026-09-01","periodEnd":"2026-09-30","totalCents":760,"creditedCents":0,
                            "billedTo":"Madame Camille Martin","issuedAt":"2026-10-01T02:00:00Z"},
                 "lines":[{"lineIndex":0,"childName":"Léa Martin","serviceName":"Restauration scolaire",
                           "kind":"BOOKED","unitPriceCents":190,"quantity":3,"amountCents":570,
                           "creditedQuantity":1,"dates":["2026-09-01","2026-09-02","2026-09-03"]},
                          {"lineIndex":1,"childName":"Tom Martin","serviceName":"Restauration scolaire",
                           "kind":"UNBOOKED","unitPriceCents":190,"quantity":1,"amountCents":190,
                           "creditedQuantity":0,"dates":["2026-09-01"]}],
                 "creditNotes":[]}""".formatted(familyId, INVOICE);
    }

    Cookie activeParent(Parent parent) throws Exception {
        return login(parent);
    }

    @Test
    void a_parent_without_orders_sees_the_empty_state_of_screen_18() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = activeParent(parent);
        services.answer("GET", "/api/families/" + parent.familyId() + "/billing", 200,
                billing(parent.familyId(), true));
        Document page = page("/ma-facturation", session);
        assertThat(page.select("h1").text()).isEqualTo("Ma facturation");
        assertThat(page.select("main [role=status]").text())
                .isEqualTo("Vous n'avez effectué aucune commande pour le moment");
        assertThat(page.select("nav.space-nav a[aria-current=page]").text()).isEqualTo("Ma facturation");
        assertThat(page.select("table")).isEmpty();
        // the call is the parent's, for their family
        assertThat(services.last("GET", "/api/families/" + parent.familyId() + "/billing").token().path("fid")
                .asText()).isEqualTo(parent.familyId());
    }

    @Test
    void a_parent_reads_invoices_and_orders_newest_first_an_order_in_detail_and_downloads_the_pdf() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = activeParent(parent);
        services.answer("GET", "/api/families/" + parent.familyId() + "/billing", 200,
                billing(parent.familyId(), false));
        Document page = page("/ma-facturation", session);
        assertThat(page.select("#factures ~ .table-wrapper tbody th").eachText()).containsExactly("FAC-2026-000042");
        assertThat(page.select("#factures ~ .table-wrapper tbody td").eachText())
                .anySatisfy(t -> assertThat(t).contains("234,56 €"));
        assertThat(page.select("#factures ~ .table-wrapper tbody td").eachText())
                .anySatisfy(t -> assertThat(t).contains("septembre 2026"));
        assertThat(page.select("a[href=/ma-facturation/factures/" + INVOICE + "/pdf]").text())
                .isEqualTo("Télécharger la facture FAC-2026-000042 (PDF)");
        assertThat(page.select("a[href=/ma-facturation/avoirs/" + NOTE + "/pdf]").text())
                .contains("l'avoir AV-2026-000003");
        assertThat(page.select("#commandes ~ .table-wrapper tbody th").eachText())
                .containsExactly("CMD-2026-000124 (voir le détail)", "CMD-2026-000123 (voir le détail)");
        assertThat(page.select("#commandes ~ .table-wrapper tbody td").eachText())
                .contains("2 jours réservés 1 jour en liste d'attente");

        services.answer("GET", "/api/orders/" + ORDER, 200, """
                {"order":{"orderId":"%1$s","number":"CMD-2026-000124","familyId":"%2$s",
                          "placedAt":"2026-09-10T16:00:00Z","totalCents":380,"bookedLines":2,"waitlistedLines":1},
                 "lines":[{"position":0,"bookingId":"b1","childId":"c1","childName":"Léa Martin","serviceId":"canteen",
                           "serviceName":"Restauration scolaire","date":"2026-09-14","outcome":"BOOKED",
                           "unitPriceCents":190,"amountCents":190,"status":"SETTLED","invoiceNumber":"FAC-2026-000042"},
                          {"position":1,"bookingId":"b2","childId":"c1","childName":"Léa Martin","serviceId":"canteen",
                           "serviceName":"Restauration scolaire","date":"2026-09-15","outcome":"BOOKED",
                           "unitPriceCents":190,"amountCents":190,"status":"RELEASED","invoiceNumber":null},
                          {"position":2,"bookingId":"b3","childId":"c1","childName":"Léa Martin","serviceId":"canteen",
                           "serviceName":"Restauration scolaire","date":"2026-09-16","outcome":"WAITLISTED",
                           "unitPriceCents":null,"amountCents":null,"status":"WAITLISTED","invoiceNumber":null}]}"""
                .formatted(ORDER, parent.familyId()));
        Document order = page("/ma-facturation/commandes/" + ORDER, session);
        assertThat(order.select("h1").text()).isEqualTo("Commande CMD-2026-000124");
        assertThat(order.select("tbody .badge").eachText()).containsExactly("Dû", "Annulé", "Liste d'attente");
        assertThat(order.select("tbody td").eachText()).contains("lundi 14 septembre 2026", "Dû Facturé (FAC-2026-000042)",
                "Sans prix (en attente de place)");

        services.answer("GET", "/api/invoices/" + INVOICE, 200, invoice(parent.familyId()));
        // the stub answers JSON-typed bytes: the gateway passes the bytes on as a PDF whatever the type said
        services.answer("GET", "/api/invoices/" + INVOICE + "/pdf", 200, "%PDF-1.4 facture");
        MvcResult pdf = mvc.perform(get("/ma-facturation/factures/" + INVOICE + "/pdf").cookie(session)).andReturn();
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getResponse().getHeader("Content-Disposition")).contains("FAC-2026-000042.pdf");
        assertThat(pdf.getResponse().getContentAsString()).isEqualTo("%PDF-1.4 facture");
    }

    @Test
    void another_familys_invoice_is_not_found() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = activeParent(parent);
        services.answer("GET", "/api/orders/" + ORDER, 404,
                "{\"status\":404,\"code\":\"ORDER_NOT_FOUND\",\"detail\":\"Commande introuvable.\"}");
        mvc.perform(get("/ma-facturation/commandes/" + ORDER).cookie(session)).andExpect(status().isNotFound());
        services.answer("GET", "/api/invoices/" + INVOICE, 404,
                "{\"status\":404,\"code\":\"INVOICE_NOT_FOUND\",\"detail\":\"Facture introuvable.\"}");
        mvc.perform(get("/ma-facturation/factures/" + INVOICE + "/pdf").cookie(session))
                .andExpect(status().isNotFound());
        // and staff pages are not a parent's
        mvc.perform(get("/admin/facturation").cookie(session)).andExpect(status().isForbidden());
    }

    @Test
    void finance_issues_a_months_invoices_with_errors_next_to_the_month() throws Exception {
        Cookie finance = loginStaff("FINANCE");
        services.answer("GET", "/api/invoice-runs", 200, """
                [{"runId":"%s","periodStart":"2026-09-01","status":"COMPLETED","requestedBy":"staff",
                  "startedAt":"2026-10-01T02:00:00Z","finishedAt":"2026-10-01T02:01:00Z","families":120,"issued":120,
                  "skipped":0,"failed":0,"totalCents":480000,"lastError":null,"documentsRendered":120,
                  "invoicesOfPeriod":120}]""".formatted(UUID.randomUUID()));
        Document page = page("/admin/facturation", finance);
        assertThat(page.select("h1").text()).isEqualTo("Facturation");
        assertThat(field(page, "period").attr("type")).isEqualTo("month");
        assertThat(page.select("tbody .badge").text()).isEqualTo("Terminée");
        assertThat(page.select("tbody td").eachText()).contains("120 sur 120 familles (0 en erreur)");
        assertThat(page.select("nav.console-nav a[aria-current=page]").text()).isEqualTo("Facturation");

        Document invalid = page(post("/admin/facturation/emissions").cookie(finance).with(csrf())
                .param("period", "septembre"));
        assertThat(errorOf(invalid, "period")).isEqualTo("Le mois s'écrit AAAA-MM, par exemple 2026-09.");
        assertThat(invalid.title()).startsWith("Erreur :");

        services.answer("POST", "/api/invoice-runs", 422, """
                {"status":422,"code":"INVOICE_PERIOD_NOT_OVER",
                 "detail":"Les factures d'un mois s'émettent une fois le mois terminé."}""");
        Document refused = page(post("/admin/facturation/emissions").cookie(finance).with(csrf())
                .param("period", "2026-11"));
        assertThat(refused.select("#erreurs").text()).contains("Les factures d'un mois s'émettent une fois le mois "
                + "terminé.");

        String runId = UUID.randomUUID().toString();
        services.answer("POST", "/api/invoice-runs", 202, "{\"runId\":\"" + runId + "\"}");
        mvc.perform(post("/admin/facturation/emissions").cookie(finance).with(csrf()).param("period", "2026-09"))
                .andExpect(redirectedUrl("/admin/facturation?emission=" + runId));
        assertThat(services.last("POST", "/api/invoice-runs").json().path("period").asText()).isEqualTo("2026-09");
        assertThat(services.last("POST", "/api/invoice-runs").token().path("role").asText()).isEqualTo("FINANCE");
    }

    @Test
    void auditors_read_agents_see_families_only_and_neither_acts() throws Exception {
        Cookie auditor = loginStaff("AUDITOR");
        services.answer("GET", "/api/invoice-runs", 200, "[]");
        Document page = page("/admin/facturation", auditor);
        assertThat(page.select("form[action=/admin/facturation/emissions]")).isEmpty();
        assertThat(page.text()).contains("Aucune émission pour le moment.");
        mvc.perform(post("/admin/facturation/emissions").cookie(auditor).with(csrf()).param("period", "2026-09"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/facturation/tarifs/nouvelle-grille").cookie(auditor))
                .andExpect(status().isForbidden());

        Cookie agent = loginStaff("AGENT");
        mvc.perform(get("/admin/facturation").cookie(agent)).andExpect(status().isForbidden());
        String family = UUID.randomUUID().toString();
        services.answer("GET", "/api/families/" + family + "/billing", 200, billing(family, false));
        services.answer("GET", "/api/families/" + family, 200, family(family, UUID.randomUUID().toString(), "ACTIVE"));
        Document familyPage = page("/admin/facturation/familles/" + family, agent);
        assertThat(familyPage.select("h1").text()).isEqualTo("Facturation de la famille Martin");
        assertThat(familyPage.select("a[href=/admin/facturation/factures/" + INVOICE + "/pdf]")).hasSize(1);
        assertThat(familyPage.select("nav.console-nav a").eachText()).contains("Facturation des familles")
                .doesNotContain("Tarifs", "Facturation");
    }

    @Test
    void finance_corrects_an_invoice_with_a_credit_note_never_beyond_the_line() throws Exception {
        Cookie finance = loginStaff("FINANCE");
        String family = UUID.randomUUID().toString();
        services.answer("GET", "/api/invoices/" + INVOICE, 200, invoice(family));
        services.answer("GET", "/api/families/" + family, 200, family(family, UUID.randomUUID().toString(), "ACTIVE"));
        Document page = page("/admin/facturation/factures/" + INVOICE, finance);
        assertThat(page.select("h1").text()).isEqualTo("Facture FAC-2026-000042");
        assertThat(field(page, "quantities-0-").attr("max")).isEqualTo("2");
        assertThat(page.select("label[for=quantities-1-]").text())
                .isEqualTo("Jours à créditer pour Tom Martin, Restauration scolaire (au plus 1)");
        assertThat(page.select("tbody td").eachText()).contains(
                "Restauration scolaire présence sans réservation, majoration incluse", "01/09, 02/09, 03/09",
                "3 1 créditée");

        Document invalid = page(post("/admin/facturation/factures/" + INVOICE + "/avoirs").cookie(finance)
                .with(csrf()).param("reason", " ").param("quantities[0]", "3").param("quantities[1]", "0"));
        assertThat(errorOf(invalid, "reason")).isEqualTo("Le motif de l'avoir est obligatoire.");
        assertThat(errorOf(invalid, "quantities-0-")).isEqualTo("Entre 0 et 2 jours.");
        assertThat(invalid.select(".error-summary a[href=#quantities-0-]")).hasSize(1);

        services.answer("POST", "/api/invoices/" + INVOICE + "/credit-notes", 201,
                "{\"creditNoteId\":\"" + NOTE + "\",\"number\":\"AV-2026-000004\",\"totalCents\":190}");
        mvc.perform(post("/admin/facturation/factures/" + INVOICE + "/avoirs").cookie(finance).with(csrf())
                        .param("reason", "Journée comptée deux fois").param("quantities[0]", "1")
                        .param("quantities[1]", "0"))
                .andExpect(redirectedUrl("/admin/facturation/factures/" + INVOICE));
        var sent = services.last("POST", "/api/invoices/" + INVOICE + "/credit-notes").json();
        assertThat(sent.path("reason").asText()).isEqualTo("Journée comptée deux fois");
        assertThat(sent.path("lines")).hasSize(1);
        assertThat(sent.path("lines").get(0).path("lineIndex").asInt()).isZero();
        assertThat(sent.path("lines").get(0).path("quantity").asInt()).isEqualTo(1);

        services.answer("POST", "/api/invoices/" + INVOICE + "/credit-notes", 422, """
                {"status":422,"code":"CREDIT_EXCEEDS_INVOICE",
                 "detail":"Un avoir ne peut pas dépasser ce qui a été facturé sur la ligne (0 restant)."}""");
        Document refused = page(post("/admin/facturation/factures/" + INVOICE + "/avoirs").cookie(finance)
                .with(csrf()).param("reason", "Encore").param("quantities[1]", "1"));
        assertThat(refused.select("#erreurs").text()).contains("ne peut pas dépasser");
    }

    @Test
    void finance_prepares_next_years_grid_in_euros_with_errors_next_to_each_bracket() throws Exception {
        Cookie finance = loginStaff("FINANCE");
        services.answer("GET", "/api/tariffs", 200, """
                [{"service":{"serviceId":"canteen","code":"CANTEEN","name":"Restauration scolaire","cesuClass":"NONE",
                             "unit":"DAY","active":true},
                  "grids":[{"serviceId":"canteen","effectiveFrom":"2026-09-01",
                            "brackets":[{"maxQuotientFamilial":800,"unitPriceCents":190},
                                        {"maxQuotientFamilial":null,"unitPriceCents":260}],
                            "unbookedSurchargeCents":100,"publishedAt":"2026-06-01T10:00:00Z","publishedBy":"x"}],
                  "inForce":{"serviceId":"canteen","effectiveFrom":"2026-09-01",
                            "brackets":[{"maxQuotientFamilial":800,"unitPriceCents":190},
                                        {"maxQuotientFamilial":null,"unitPriceCents":260}],
                            "unbookedSurchargeCents":100,"publishedAt":"2026-06-01T10:00:00Z","publishedBy":"x"}}]""");
        Document tariffs = page("/admin/facturation/tarifs", finance);
        assertThat(tariffs.select("h2").eachText()).contains("Restauration scolaire");
        assertThat(tariffs.select("tbody li").eachText()).containsExactly("QF jusqu'à 800 : 1,90 €",
                "Au-delà, ou sans attestation : 2,60 €");
        assertThat(tariffs.select("tbody .badge").text()).isEqualTo("En vigueur");

        Document form = page("/admin/facturation/tarifs/nouvelle-grille?service=canteen", finance);
        assertThat(form.select("#serviceId option[selected]").text()).isEqualTo("Restauration scolaire");
        field(form, "brackets-0-maxQuotientFamilial");
        field(form, "effectiveFrom");

        Document invalid = page(post("/admin/facturation/tarifs/nouvelle-grille").cookie(finance).with(csrf())
                .param("serviceId", "canteen").param("effectiveFrom", "2027-09-01")
                .param("brackets[0].maxQuotientFamilial", "").param("brackets[0].unitPrice", "1,20")
                .param("brackets[1].maxQuotientFamilial", "800").param("brackets[1].unitPrice", "deux euros")
                .param("brackets[2].maxQuotientFamilial", "").param("brackets[2].unitPrice", "2,70")
                .param("unbookedSurcharge", "1"));
        assertThat(errorOf(invalid, "brackets-0-maxQuotientFamilial"))
                .isEqualTo("Le plafond est obligatoire, sauf pour la dernière tranche.");
        assertThat(errorOf(invalid, "brackets-1-unitPrice")).isEqualTo("Un montant en euros, par exemple 1,90.");
        assertThat(invalid.getElementById("brackets-1-unitPrice").val()).isEqualTo("deux euros");

        services.answer("PUT", "/api/tariffs/canteen/grids/2027-09-01", 204);
        mvc.perform(post("/admin/facturation/tarifs/nouvelle-grille").cookie(finance).with(csrf())
                        .param("serviceId", "canteen").param("effectiveFrom", "2027-09-01")
                        .param("brackets[0].maxQuotientFamilial", "500").param("brackets[0].unitPrice", "1,2")
                        .param("brackets[1].maxQuotientFamilial", "800").param("brackets[1].unitPrice", "1,90")
                        .param("brackets[2].maxQuotientFamilial", "").param("brackets[2].unitPrice", "2.70")
                        .param("unbookedSurcharge", "1"))
                .andExpect(redirectedUrl("/admin/facturation/tarifs"));
        var grid = services.last("PUT", "/api/tariffs/canteen/grids/2027-09-01").json();
        assertThat(grid.path("brackets").findValues("unitPriceCents").stream().map(n -> n.asLong()).toList())
                .containsExactly(120L, 190L, 270L);
        assertThat(grid.path("brackets").get(2).path("maxQuotientFamilial").isNull()).isTrue();
        assertThat(grid.path("unbookedSurchargeCents").asLong()).isEqualTo(100);

        services.answer("PUT", "/api/tariffs/canteen/grids/2026-09-01", 422, """
                {"status":422,"code":"TARIFF_GRID_IN_FORCE",
                 "detail":"Cette grille est déjà en vigueur : préparez une nouvelle grille avec une date d'effet future."}""");
        Document inForce = page(post("/admin/facturation/tarifs/nouvelle-grille").cookie(finance).with(csrf())
                .param("serviceId", "canteen").param("effectiveFrom", "2026-09-01")
                .param("brackets[0].unitPrice", "2"));
        assertThat(errorOf(inForce, "effectiveFrom")).startsWith("Cette grille est déjà en vigueur");
    }

    // --- the console: the family file's section, the configuration hub ----------------------------------------------

    @Test
    void the_family_file_shows_the_latest_orders_and_invoices_with_their_pdfs_and_console_pages() throws Exception {
        String familyId = UUID.randomUUID().toString();
        services.answer("GET", "/api/families/" + familyId, 200, family(familyId, UUID.randomUUID().toString(),
                "ACTIVE"));
        services.answer("GET", "/api/families/" + familyId + "/billing", 200, billing(familyId, false));
        for (String role : List.of("ADMIN", "FINANCE", "AUDITOR", "AGENT")) {
            Document file = page("/admin/familles/" + familyId, loginStaff(role));
            org.jsoup.nodes.Element section = file.select("section.family-section:has(h2#commandes-factures)")
                    .first();
            assertThat(section).as(role).isNotNull();
            assertThat(section.select("h2").text()).isEqualTo("Commandes et factures");
            assertThat(section.select("h3").eachText()).containsExactly("Dernières factures", "Dernières commandes");
            assertThat(section.select("a[href=/admin/facturation/factures/" + INVOICE + "]").text())
                    .isEqualTo("FAC-2026-000042");
            assertThat(section.select("a[href=/admin/facturation/factures/" + INVOICE + "/pdf]").text())
                    .contains("Télécharger");
            assertThat(section.select("a[href=/admin/facturation/avoirs/" + NOTE + "/pdf]")).hasSize(1);
            assertThat(section.select("a[href=/admin/facturation/commandes/" + ORDER + "]").text())
                    .contains("CMD-2026-000124");
            assertThat(section.select("a[href=/admin/facturation/familles/" + familyId + "]").text())
                    .isEqualTo("Toute la facturation de la famille");
        }
        assertThat(services.last("GET", "/api/families/" + familyId + "/billing").query()).isEqualTo("limit=5");

        services.answer("GET", "/api/families/" + familyId + "/billing", 200, billing(familyId, true));
        Document empty = page("/admin/familles/" + familyId, loginStaff("AGENT"));
        assertThat(empty.select("section.family-section:has(h2#commandes-factures) p").first().text())
                .isEqualTo("Cette famille n'a passé aucune commande.");
    }

    @Test
    void the_configuration_hub_lists_the_tariff_grids_for_those_who_may_open_them() throws Exception {
        Document finance = page("/admin/configuration", loginStaff("FINANCE"));
        assertThat(finance.select(".config-groups a").eachAttr("href")).contains("/admin/facturation/tarifs",
                "/admin/facturation/tarifs/nouvelle-grille");
        assertThat(finance.select(".config-groups a[href=/admin/facturation/tarifs]").text())
                .isEqualTo("Grilles tarifaires");
        assertThat(finance.text()).contains("Tarifs");
        assertThat(page("/admin/configuration", loginStaff("AUDITOR")).select(".config-groups a").eachAttr("href"))
                .contains("/admin/facturation/tarifs").doesNotContain("/admin/facturation/tarifs/nouvelle-grille");
        assertThat(page("/admin/configuration", loginStaff("AGENT")).select(".config-groups a").eachAttr("href"))
                .as("agents do not open the tariffs").doesNotContain("/admin/facturation/tarifs",
                        "/admin/facturation/tarifs/nouvelle-grille");
    }
}
