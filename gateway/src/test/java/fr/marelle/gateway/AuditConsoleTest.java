package fr.marelle.gateway;

import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The audit console's pages against a stub standing for every service's audit API: who may open them, the timeline
 * with its flows and exports, states as of an instant, rebuilds, chain verifications, and the record of every query.
 */
class AuditConsoleTest extends GatewayTestSupport {

    static final String FAMILY = "0b9e8f2a-5b1c-4c3d-9e4f-5a6b7c8d9e0f";
    static final String BOOKING_FLOW = "flow-booking-1";

    @DynamicPropertySource
    static void everyService(DynamicPropertyRegistry registry) {
        for (String service : new String[] {"children", "planning", "billing", "wallet"}) {
            registry.add("marelle.services." + service + ".url", services::url);
        }
    }

    static String event(String service, long index, String type, String aggregate, String at, String role,
                        String actor, String correlation, String payload) {
        return """
                {"service":"%s","globalIndex":%d,"eventId":"%s","aggregateId":"%s","sequence":0,"type":"%s",
                 "revision":"1","occurredAt":"%s","actorId":%s,"actorRole":%s,"familyId":"%s","clientIp":"203.0.113.7",
                 "correlationId":"%s","causationId":null,"payload":%s}"""
                .formatted(service, index, service + "-" + index, aggregate, type, at,
                        actor == null ? "null" : "\"" + actor + "\"", role == null ? "null" : "\"" + role + "\"",
                        FAMILY, correlation, payload);
    }

    void answerEvents() {
        services.answer("GET", "/internal/audit/events", 200, "[" + String.join(",",
                event("planning", 7, "BookingRecorded", "booking-1", "2026-11-02T07:15:00Z", "PARENT", "parent-1",
                        BOOKING_FLOW, "{\"familyId\":\"" + FAMILY + "\",\"day\":\"2026-11-03\"}"),
                // a service names itself by its application name: the console shows its context
                event("wallet", 3, "=WalletDebited", FAMILY, "2026-11-03T11:30:00Z", "SYSTEM", "system:wallet",
                        BOOKING_FLOW, "{\"amountCents\":190}"),
                event("accounts", 1, "FamilyOpened", FAMILY, "2026-11-01T09:00:00Z", "PARENT", "parent-1",
                        "flow-registration", "{\"familyId\":\"" + FAMILY + "\"}")) + "]");
    }

    @Test
    void only_auditors_and_administrators_open_the_audit_console() throws Exception {
        assertThat(mvc.perform(get("/audit/historique").cookie(loginStaff("AGENT"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/audit/chaines").cookie(loginStaff("FINANCE"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/audit").cookie(login(Parent.with("ACTIVE")))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/audit")).andReturn().getResponse().getRedirectedUrl()).endsWith("/connexion");
        Document home = page("/audit", loginStaff("AUDITOR"));
        assertThat(home.select("h1").text()).isEqualTo("Console d'audit");
        assertThat(home.select(".console-nav a").eachText()).contains("Audit : historique", "Audit : journal")
                .doesNotContain("Personnel");
        assertThat(page("/audit", loginStaff("ADMIN")).select("h1").text()).isEqualTo("Console d'audit");
        assertThat(page("/admin", loginStaff("AGENT")).select(".console-nav a").eachText())
                .doesNotContain("Audit : historique");
    }

    @Test
    void a_timeline_gathers_every_service_in_time_order_and_numbers_the_flows() throws Exception {
        Cookie auditor = loginStaff("AUDITOR");
        answerEvents();
        Document timeline = page("/audit/historique?subject=" + FAMILY, auditor);

        assertThat(timeline.select("#chronologie tbody tr").eachAttr("data-type"))
                .containsExactly("FamilyOpened", "BookingRecorded", "=WalletDebited");
        assertThat(timeline.select("#chronologie tbody tr td:nth-child(1)").eachText())
                .containsExactly("01/11/2026 10:00:00", "02/11/2026 08:15:00", "03/11/2026 12:30:00");
        assertThat(timeline.select("#chronologie tbody tr td:nth-child(2)").eachText())
                .containsExactly("Comptes", "Planification", "Porte-monnaie");
        assertThat(timeline.select("#chronologie tbody tr td:nth-child(4)").eachText())
                .containsExactly("Parent · parent-1", "Parent · parent-1", "Système · system:wallet");
        assertThat(timeline.select("#chronologie tbody tr").eachAttr("data-flow")).containsExactly("1", "2", "2");
        assertThat(timeline.select("#chronologie tbody tr td:nth-child(6) a").eachText())
                .containsExactly("Flux 1 (1 fait(s))", "Flux 2 (2 fait(s))", "Flux 2 (2 fait(s))");

        var calls = services.calls("GET", "/internal/audit/events");
        assertThat(calls).hasSize(12).allSatisfy(call -> assertThat(call.token().path("role").asText())
                .isEqualTo("AUDITOR"));
        assertThat(calls.get(0).query()).contains("subject=" + FAMILY);
        assertThat(calls.get(calls.size() - 1).query()).as("the flows found are followed in every service")
                .contains("correlationId=" + BOOKING_FLOW, "correlationId=flow-registration");

        services.received.clear();
        Document parentsOnly = page("/audit/historique?subject=" + FAMILY + "&role=SYSTEM&follow=false"
                + "&from=2026-11-02&to=2026-11-30&kind=Debit", auditor);
        assertThat(parentsOnly.select("#chronologie tbody tr").eachAttr("data-type")).containsExactly("=WalletDebited");
        assertThat(services.calls("GET", "/internal/audit/events")).as("no flow followed").hasSize(6);
        assertThat(services.last("GET", "/internal/audit/events").query())
                .contains("from=2026-11-01T23:00:00Z", "to=2026-11-30T22:59:59.999Z", "type=Debit");
    }

    @Test
    void a_timeline_without_a_subject_or_with_bad_dates_says_what_is_wrong_next_to_the_field() throws Exception {
        Cookie auditor = loginStaff("AUDITOR");
        Document empty = page("/audit/historique?subject=", auditor);
        assertThat(errorOf(empty, "subject")).isEqualTo("Indiquez l'identifiant à suivre.");
        Document malformed = page("/audit/historique?subject=" + FAMILY + "%27%3B%20DROP&from=2026-13-01"
                + "&to=2026-11-01&role=ROOT", auditor);
        assertThat(errorOf(malformed, "subject")).isEqualTo("Cet identifiant n'a pas la forme d'un identifiant Marelle.");
        assertThat(errorOf(malformed, "from")).isEqualTo("Indiquez une date au format jj/mm/aaaa.");
        assertThat(malformed.getElementById("role-error").text()).contains("Choisissez un auteur dans la liste.");
        Document reversed = page("/audit/historique?subject=" + FAMILY + "&from=2026-11-10&to=2026-11-01", auditor);
        assertThat(errorOf(reversed, "to")).isEqualTo("La date de fin doit suivre la date de début.");
        assertThat(services.calls("GET", "/internal/audit/events")).as("nothing asked of the services").isEmpty();
    }

    @Test
    void a_timeline_is_exported_as_csv_and_json_and_every_query_is_recorded() throws Exception {
        String auditorId = UUID.randomUUID().toString();
        Cookie auditor = loginStaff("AUDITOR", auditorId);
        answerEvents();
        MockHttpServletResponse csv = mvc.perform(get("/audit/historique.csv?subject=" + FAMILY).cookie(auditor))
                .andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).contains("attachment", "historique-" + FAMILY + ".csv");
        String body = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFFoccurredAt,service,stream,sequence,type,actorRole,actorId,clientIp,"
                + "familyId,correlationId,causationId,eventId,payload\n");
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> read = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(body.substring(1))) {
            read.forEachRemaining(rows::add);
        }
        assertThat(rows).extracting(row -> row.get("type"))
                .as("a cell a spreadsheet would run as a formula is defused")
                .containsExactly("FamilyOpened", "BookingRecorded", "'=WalletDebited");
        assertThat(rows.get(2)).containsEntry("occurredAt", "2026-11-03T11:30:00Z").containsEntry("service", "wallet")
                .containsEntry("stream", FAMILY).containsEntry("actorId", "system:wallet")
                .containsEntry("clientIp", "203.0.113.7").containsEntry("correlationId", BOOKING_FLOW)
                .containsEntry("payload", "{\"amountCents\":190}");

        MockHttpServletResponse json = mvc.perform(get("/audit/historique.json?subject=" + FAMILY + "&role=PARENT")
                .cookie(auditor)).andReturn().getResponse();
        assertThat(json.getContentType()).startsWith("application/json");
        var exported = StubService.JSON.readTree(json.getContentAsString(StandardCharsets.UTF_8));
        assertThat(exported).hasSize(2);
        assertThat(exported.get(1).path("payload").path("day").asText()).isEqualTo("2026-11-03");

        assertThat(mvc.perform(get("/audit/historique.csv?subject=").cookie(auditor)).andReturn().getResponse()
                .getStatus()).isEqualTo(400);

        Document journal = page("/audit/journal?utilisateur=" + auditorId, auditor);
        assertThat(journal.select("#journal tbody tr").eachAttr("data-action"))
                .containsExactly("export-csv", "export-json", "export-csv");
        assertThat(journal.select("#journal tbody tr").first().select("td").last().text())
                .startsWith("refusée : Indiquez l'identifiant à suivre.");
        assertThat(journal.select("#journal tbody tr").get(1).text()).contains("Camille Martin", "Auditeur",
                "2 événement(s) exporté(s)", "\"role\": \"PARENT\"");
        assertThatThrownBy(() -> jdbc.sql("UPDATE auditor_query SET outcome = 'rien' WHERE user_id = ?")
                .param(auditorId).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM auditor_query WHERE user_id = ?").param(auditorId).update())
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void a_broken_chain_shows_where_it_breaks() throws Exception {
        Cookie auditor = loginStaff("AUDITOR");
        services.answer("GET", "/internal/audit/chain", 200, """
                {"service":"wallet","streams":3,"events":41,"headDigest":"ab12","breaks":[
                  {"aggregateId":"%s","sequence":5,"eventId":"e-5","globalIndex":88,
                   "reason":"content does not match its hash"}]}""".formatted(FAMILY));
        Document page = page("/audit/chaines?verifier=1&service=wallet", auditor);
        assertThat(page.getElementById("verdict").text()).startsWith("Au moins une chaîne est rompue");
        assertThat(page.select(".chain-break td").eachText()).containsExactly(FAMILY, "5", "e-5",
                "Le contenu ne correspond plus à son empreinte");
        assertThat(services.calls("GET", "/internal/audit/chain")).hasSize(1);

        services.answer("GET", "/internal/audit/chain", 200, """
                {"service":"x","streams":3,"events":41,"headDigest":"ab12","breaks":[]}""");
        services.received.clear();
        assertThat(page("/audit/chaines?verifier=1&service=", auditor).getElementById("verdict").text())
                .isEqualTo("Toutes les chaînes vérifiées sont intactes.");
        assertThat(services.calls("GET", "/internal/audit/chain")).as("every service").hasSize(6);
        assertThat(errorOf(page("/audit/chaines?verifier=1&service=inconnu", auditor), "service"))
                .isEqualTo("Choisissez un service dans la liste.");
    }

    @Test
    void read_models_are_rebuilt_on_demand_and_their_differences_shown() throws Exception {
        Cookie auditor = loginStaff("AUDITOR");
        services.answer("GET", "/internal/audit/read-models", 200, """
                [{"processingGroup":"wallet-summary","tables":["rm_wallet"]}]""");
        Document list = page("/audit/modeles", auditor);
        assertThat(list.select("#modeles tbody tr")).hasSize(6);
        services.answer("POST", "/internal/audit/read-models/wallet-summary/replay", 200, """
                {"service":"wallet","processingGroup":"wallet-summary","eventsReplayed":120,"took":"PT0.4S",
                 "tables":[{"table":"rm_wallet","liveRows":4,"replayedRows":4,"onlyLive":1,"onlyReplayed":1,
                            "samples":["live: {\\"balance\\":999}"]}]}""");
        Document result = page(post("/audit/modeles/rejouer").cookie(auditor).with(csrf())
                .param("target", "wallet/wallet-summary"));
        assertThat(result.select("[role=alert]").text()).contains("Des différences existent");
        assertThat(result.select("#resultats-rejeu tbody tr").attr("data-identical")).isEqualTo("false");
        assertThat(result.select("#resultats-rejeu code").eachText()).contains("live: {\"balance\":999}");
        assertThat(services.calls("POST", "/internal/audit/read-models/wallet-summary/replay")).hasSize(1);
        assertThat(mvc.perform(post("/audit/modeles/rejouer").cookie(auditor).with(csrf()).param("target",
                "wallet/unknown")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void a_family_state_is_shown_as_of_past_instants() throws Exception {
        Cookie auditor = loginStaff("AUDITOR");
        Document asked = page("/audit/etat?family=" + FAMILY + "&at=2030-01-01T00:00&at=pas-une-date", auditor);
        assertThat(asked.getElementById("at-error").text()).contains("Choisissez un instant passé.");
        assertThat(page("/audit/etat?family=&at=2026-11-01T10:00", auditor).getElementById("family-error").text())
                .contains("Indiquez le numéro de dossier de la famille.");

        services.answer("GET", "/internal/audit/as-of", 200, "[\"wallet\"]");
        services.answer("GET", "/internal/audit/as-of/wallet", 200, """
                {"service":"wallet","view":"wallet","familyId":"%s","at":"2026-11-02T09:00:00Z","eventsReplayed":3,
                 "state":{"balance":"12,50 €","upcoming":"3,80 €","movements":[{"label":"Recharge","amount":"20,00 €"}]}}"""
                .formatted(FAMILY));
        Document state = page("/audit/etat?family=" + FAMILY + "&at=2026-11-02T10:00&at=2026-11-03T10:00:30", auditor);
        assertThat(state.select("section[data-view]")).hasSize(12);
        assertThat(state.select("section[data-view] h2").first().text()).isEqualTo("Porte-monnaie au 02/11/2026 10:00:00");
        assertThat(state.select("section[data-view]").first().select("dd").eachText())
                .contains("12,50 €", "3,80 €");
        assertThat(state.select("section[data-view]").first().select("td").eachText())
                .containsExactly("Recharge", "20,00 €");
        assertThat(services.calls("GET", "/internal/audit/as-of/wallet").stream().map(StubService.Received::query))
                .contains("familyId=" + FAMILY + "&at=2026-11-02T09:00:00Z", "familyId=" + FAMILY
                        + "&at=2026-11-03T09:00:30Z");
    }
}
