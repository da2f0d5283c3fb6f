package fr.marelle.gateway.web.console;

import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import fr.marelle.gateway.web.navigation.Navigation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The console's home (what waits for staff, from every feature), the configuration hub (every configuration page
 * in one place) and the charts (each also as a table and as CSV). Features contribute through
 * {@link DashboardTiles}, {@link ConfigurationEntries} and {@link ConsoleCharts} beans; services are asked at once.
 */
@Controller
class ConsoleController {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Charts cover at most this long a period. */
    private static final int MAX_CHART_DAYS = 400;

    private final List<DashboardTiles> tiles;
    private final List<ConfigurationEntries> configuration;
    private final List<ConsoleCharts> charts;
    private final Contributions contributions;
    private final ChartCsv csv;
    private final Texts texts;
    private final Clock clock;
    private final Navigation navigation;

    ConsoleController(List<DashboardTiles> tiles, List<ConfigurationEntries> configuration, List<ConsoleCharts> charts,
                      Contributions contributions, ChartCsv csv, Texts texts, Clock clock, Navigation navigation) {
        this.navigation = navigation;
        this.tiles = tiles;
        this.configuration = configuration;
        this.charts = charts;
        this.contributions = contributions;
        this.csv = csv;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        GatewayUser user = CurrentActor.user().orElseThrow();
        Contributions.Gathered<DashboardTile> found = contributions.gather(tiles, contributor -> contributor.tiles(user));
        List<DashboardTile> sorted = new ArrayList<>(found.items());
        sorted.sort(Comparator.comparingInt(DashboardTile::order));
        model.addAttribute("tiles", sorted);
        model.addAttribute("unavailable", found.unavailable());
        return "admin/dashboard";
    }

    @GetMapping("/admin/configuration")
    String configuration(Model model) {
        GatewayUser user = CurrentActor.user().orElseThrow();
        Map<String, List<ConfigurationEntry>> groups = new TreeMap<>();
        configuration.stream().flatMap(c -> c.entries().stream())
                .filter(e -> e.roles().isEmpty() || e.roles().contains(user.role().name()))
                .sorted(Comparator.comparingInt(ConfigurationEntry::order))
                .forEach(e -> groups.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e));
        List<Map.Entry<String, List<ConfigurationEntry>>> ordered = new ArrayList<>(groups.entrySet());
        ordered.sort(Comparator.comparingInt(g -> g.getValue().get(0).order()));
        model.addAttribute("groups", ordered);
        return "console/configuration";
    }

    /** Who may do what: each console page and the roles that may open it, as the features declare them. */
    @GetMapping("/admin/configuration/roles")
    String roles(Model model) {
        model.addAttribute("roles", List.of("ADMIN", "AGENT", "FINANCE", "AUDITOR"));
        model.addAttribute("pages", navigation.consoleEntries());
        return "console/roles";
    }

    @GetMapping("/admin/graphiques")
    String charts(@RequestParam(name = "from", required = false) String from,
                  @RequestParam(name = "to", required = false) String to, Model model) {
        FormErrors errors = texts.errors();
        LocalDate[] period = period(from, to, errors);
        model.addAttribute("from", period[0].toString());
        model.addAttribute("to", period[1].toString());
        model.addAttribute("errors", errors.asMap());
        if (!errors.isEmpty()) {
            model.addAttribute("charts", List.of());
            model.addAttribute("unavailable", Set.of());
            return "console/charts";
        }
        Contributions.Gathered<Chart> found = visibleCharts(period[0], period[1]);
        model.addAttribute("charts", found.items());
        model.addAttribute("unavailable", found.unavailable());
        return "console/charts";
    }

    @GetMapping("/admin/graphiques/{key}.csv")
    ResponseEntity<byte[]> chartCsv(@PathVariable String key, @RequestParam(name = "from", required = false) String from,
                                    @RequestParam(name = "to", required = false) String to) {
        FormErrors errors = texts.errors();
        LocalDate[] period = period(from, to, errors);
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body(String.join("\n", errors.asMap().values()).getBytes(StandardCharsets.UTF_8));
        }
        Contributions.Gathered<Chart> found = visibleCharts(period[0], period[1]);
        Chart chart = found.items().stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
        if (chart == null) {
            return ResponseEntity.status(found.unavailable().isEmpty() ? 404 : 503).contentType(MediaType.TEXT_PLAIN)
                    .body(texts.get(found.unavailable().isEmpty() ? "console.charts.unknown"
                            : "console.charts.unavailable").getBytes(StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(key + "-" + period[0] + "-" + period[1] + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.write(chart, texts));
    }

    private Contributions.Gathered<Chart> visibleCharts(LocalDate from, LocalDate to) {
        GatewayUser user = CurrentActor.user().orElseThrow();
        Contributions.Gathered<Chart> found = contributions.gather(charts, contributor -> contributor.charts(from, to));
        List<Chart> visible = found.items().stream()
                .filter(c -> c.roles().isEmpty() || c.roles().contains(user.role().name()))
                .sorted(Comparator.comparingInt(Chart::order)).toList();
        return new Contributions.Gathered<>(visible, found.unavailable());
    }

    /** The period asked, by default the last twelve weeks to today; errors next to the fields. */
    private LocalDate[] period(String from, String to, FormErrors errors) {
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        LocalDate end = parse(to, "to", errors, today);
        LocalDate start = parse(from, "from", errors, end.minusWeeks(12).plusDays(1));
        if (errors.isEmpty() && end.isBefore(start)) {
            errors.reject("to", "console.error.toBeforeFrom");
        } else if (errors.isEmpty() && start.plusDays(MAX_CHART_DAYS).isBefore(end)) {
            errors.reject("to", "console.error.periodTooLong", MAX_CHART_DAYS);
        }
        return new LocalDate[] {start, end};
    }

    private static LocalDate parse(String value, String field, FormErrors errors, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.reject(field, "console.error.dateInvalid");
            return fallback;
        }
    }
}
