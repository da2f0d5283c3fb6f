package fr.marelle.gateway;

import fr.marelle.gateway.web.console.Chart;
import fr.marelle.gateway.web.console.ConsoleCharts;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The console's home, configuration hub and charts, as the features contribute to them: a tile per queue with its
 * figure, a notice instead of a blank page when a service is down, each chart drawn, tabled and downloadable.
 */
@Import(ConsoleTest.Charts.class)
class ConsoleTest extends GatewayTestSupport {

    @DynamicPropertySource
    static void features(DynamicPropertyRegistry registry) {
        registry.add("marelle.services.planning.url", services::url);
    }

    /** A chart contributor standing for a feature's, to see how the console draws what it gets. */
    @TestConfiguration
    static class Charts {
        static final AtomicReference<LocalDate[]> asked = new AtomicReference<>();

        @Bean
        ConsoleCharts money() {
            return (from, to) -> {
                asked.set(new LocalDate[] {from, to});
                return List.of(new Chart(10, "argent", "console.charts.title", "console.charts.category",
                        List.of("oct. 2026", "nov. 2026"),
                        List.of(new Chart.Series("Encaissé", List.of(125_050L, 98_000L)),
                                new Chart.Series("Débité", List.of(110_000L, 101_990L))),
                        true, Set.of("ADMIN", "FINANCE")));
            };
        }
    }

    @Test
    void the_home_shows_what_waits_with_a_link_to_its_queue() throws Exception {
        Cookie admin = loginStaff("ADMIN");
        services.answer("GET", "/api/guardians/awaiting-activation", 200, "[" + SecurityTest.guardian() + ","
                + SecurityTest.guardian() + "]");
        Document home = page("/admin", admin);
        assertThat(home.select("[data-tile=awaiting] h2 a").attr("href")).isEqualTo("/admin/comptes-en-attente");
        assertThat(home.select("[data-tile=awaiting] .tile__figure").text()).isEqualTo("2 comptes à activer");
        assertThat(home.select("[data-tile=awaiting] .badge").text()).isEqualTo("À traiter");

        services.answer("GET", "/api/guardians/awaiting-activation", 200, "[]");
        Document calm = page("/admin", admin);
        assertThat(calm.select("[data-tile=awaiting] .tile__figure").text()).isEqualTo("0 compte à activer");
        assertThat(calm.select("[data-tile=awaiting] .badge")).isEmpty();

        services.answer("GET", "/api/guardians/awaiting-activation", 503, "{\"status\":503}");
        Document down = page("/admin", admin);
        assertThat(down.select("[role=alert]").text()).contains("Ces services ne répondent pas pour l'instant : Comptes");
        assertThat(page("/admin", loginStaff("FINANCE")).select("[data-tile=awaiting]"))
                .as("a finance officer does not handle activations").isEmpty();
    }

    @Test
    void the_configuration_hub_lists_every_page_the_role_may_open_and_who_may_do_what() throws Exception {
        Document hub = page("/admin/configuration", loginStaff("ADMIN"));
        assertThat(hub.select(".config-groups a").eachAttr("href")).contains("/admin/personnel",
                "/admin/configuration/roles");
        assertThat(page("/admin/configuration", loginStaff("AUDITOR")).select(".config-groups a").eachAttr("href"))
                .contains("/admin/configuration/roles").doesNotContain("/admin/personnel");
        Document roles = page("/admin/configuration/roles", loginStaff("AGENT"));
        assertThat(roles.select("#roles thead th").eachText()).containsExactly("Page", "administrateur", "agent",
                "finances", "auditeur");
        assertThat(roles.select("#roles tr[data-href=/admin/personnel] td").eachText())
                .containsExactly("oui", "non", "non", "non");
        assertThat(roles.select("#roles tr[data-href=/audit] td").eachText())
                .containsExactly("oui", "non", "non", "oui");
    }

    @Test
    void a_chart_is_drawn_given_as_a_table_and_downloadable_as_csv_for_the_roles_it_is_for() throws Exception {
        Cookie finance = loginStaff("FINANCE");
        Document page = page("/admin/graphiques?from=2026-10-01&to=2026-11-30", finance);
        assertThat(Charts.asked.get()).containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30));
        assertThat(page.select("#graphique-argent svg rect")).hasSize(4);
        assertThat(page.select("#graphique-argent svg rect title").eachText().stream().map(ConsoleTest::spaces))
                .contains("oct. 2026 · Encaissé : 1 250,50 €");
        assertThat(page.select("#graphique-argent svg").attr("role")).isEqualTo("img");
        assertThat(page.select("#graphique-argent table tbody tr").first().select("th, td").eachText().stream()
                .map(ConsoleTest::spaces)).containsExactly("oct. 2026", "1 250,50 €", "1 100,00 €");
        String csvHref = page.select("#graphique-argent a[href*=.csv]").attr("href");
        assertThat(csvHref).isEqualTo("/admin/graphiques/argent.csv?from=2026-10-01&to=2026-11-30");

        MockHttpServletResponse csv = mvc.perform(get(csvHref).cookie(finance)).andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        String body = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> read = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(body.substring(1))) {
            read.forEachRemaining(rows::add);
        }
        assertThat(rows).containsExactly(List.of("Période", "Encaissé (€)", "Débité (€)"),
                List.of("oct. 2026", "1250.50", "1100.00"), List.of("nov. 2026", "980.00", "1019.90"));

        // the features' own charts answer (planning's, empty), so a chart the role may not see is unknown to it
        services.answer("GET", "/api/occupancy/weekly", 200, "[]");
        assertThat(page("/admin/graphiques", loginStaff("AGENT")).select("#graphique-argent"))
                .as("money is for finance and administrators").isEmpty();
        assertThat(mvc.perform(get("/admin/graphiques/argent.csv").cookie(loginStaff("AGENT"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        Document reversed = page("/admin/graphiques?from=2026-11-30&to=2026-10-01", finance);
        assertThat(errorOf(reversed, "to")).isEqualTo("La date de fin doit suivre la date de début.");
        assertThat(errorOf(page("/admin/graphiques?from=hier", finance), "from"))
                .isEqualTo("Indiquez une date au format jj/mm/aaaa.");
    }

    /** French figures are grouped with narrow no-break spaces; compared here as plain spaces. */
    static String spaces(String text) {
        return text.replace('\u202F', ' ').replace('\u00A0', ' ');
    }
}
