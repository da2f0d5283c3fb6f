package fr.marelle.gateway.web.audit;

import fr.marelle.gateway.services.ServiceClients;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.accounts.AccountsClient;
import fr.marelle.gateway.services.audit.AuditClient;
import fr.marelle.gateway.services.audit.AuditClient.AsOf;
import fr.marelle.gateway.services.audit.AuditClient.AuditEvent;
import fr.marelle.gateway.services.audit.AuditClient.ChainReport;
import fr.marelle.gateway.services.audit.AuditClient.EventQuery;
import fr.marelle.gateway.services.audit.AuditClient.Gathered;
import fr.marelle.gateway.services.audit.AuditClient.ReadModel;
import fr.marelle.gateway.services.audit.AuditClient.ReplayResult;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The audit console (auditors, and administrators): a subject's history across every service as a timeline, with
 * the flows that tie its facts together, exported as CSV or JSON; states as of a past instant; rebuilds of read
 * models compared with the live ones; hash-chain verifications; and the record of every query made here. Nothing in
 * it changes Marelle's data. The services check the role again on every call.
 */
@Controller
class AuditConsoleController {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Ids as the services make them: UUIDs, and composite keys such as a service-day's. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9:._@-]{1,120}");
    private static final int TIMELINE_LIMIT = 5_000;
    private static final int MAX_INSTANTS = 3;

    /** The timeline's filters, as the form posts them (by GET: a timeline is a shareable address). */
    public static class HistoryForm {
        public String subject = "";
        public List<String> flow = new ArrayList<>();
        public String from = "";
        public String to = "";
        public String kind = "";
        public String actor = "";
        public String role = "";
        public boolean follow = true;
    }

    public static class AsOfForm {
        public String family = "";
        public List<String> at = new ArrayList<>();
    }

    public static class ChainForm {
        public String service = "";
        public String stream = "";
    }

    private final AuditClient audit;
    private final AccountsClient accounts;
    private final AuditorQueries queries;
    private final TimelineExport export;
    private final Texts texts;

    AuditConsoleController(AuditClient audit, AccountsClient accounts, AuditorQueries queries, TimelineExport export,
                           Texts texts) {
        this.audit = audit;
        this.accounts = accounts;
        this.queries = queries;
        this.export = export;
        this.texts = texts;
    }

    @GetMapping("/audit")
    String home(@RequestParam(name = "q", required = false) String q, Model model) {
        if (q != null && !q.isBlank()) {
            String search = q.strip();
            model.addAttribute("families", queries.run("family-search", Map.of("q", search),
                    () -> accounts.searchFamilies(search), found -> found.size() + " famille(s)"));
        }
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("form", new HistoryForm());
        model.addAttribute("errors", Map.of());
        return "audit/home";
    }

    // ---- timeline

    @GetMapping("/audit/historique")
    String timeline(@ModelAttribute("form") HistoryForm form, Model model) {
        FormErrors errors = texts.errors();
        EventQuery query = query(form, errors);
        model.addAttribute("errors", errors.asMap());
        if (query == null) {
            queries.refused("timeline", parameters(form), errors.asMap());
            return "audit/home";
        }
        Gathered<AuditEvent> found = queries.run("timeline", parameters(form), () -> audit.events(query),
                result -> result.items().size() + " événement(s)" + (result.complete() ? ""
                        : ", sans réponse de " + String.join(", ", result.failures().keySet())));
        List<AuditEvent> shown = found.items().stream().filter(e -> matchesRole(e, form.role)).toList();
        model.addAttribute("timeline", Timeline.of(shown, texts));
        model.addAttribute("failures", found.failures());
        model.addAttribute("truncated", found.items().size() >= TIMELINE_LIMIT);
        model.addAttribute("exportQuery", export.queryString(form));
        return "audit/timeline";
    }

    @GetMapping(value = "/audit/historique.csv")
    ResponseEntity<byte[]> timelineCsv(@ModelAttribute("form") HistoryForm form) {
        return exported(form, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                events -> export.csv(events));
    }

    @GetMapping(value = "/audit/historique.json")
    ResponseEntity<byte[]> timelineJson(@ModelAttribute("form") HistoryForm form) {
        return exported(form, "json", MediaType.APPLICATION_JSON, events -> export.json(events));
    }

    private ResponseEntity<byte[]> exported(HistoryForm form, String format, MediaType type,
                                            java.util.function.Function<List<AuditEvent>, byte[]> writer) {
        FormErrors errors = texts.errors();
        EventQuery query = query(form, errors);
        if (query == null) {
            queries.refused("export-" + format, parameters(form), errors.asMap());
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body(String.join("\n", errors.asMap().values()).getBytes(StandardCharsets.UTF_8));
        }
        List<AuditEvent> events = queries.run("export-" + format, parameters(form), () -> audit.events(query)
                .items().stream().filter(e -> matchesRole(e, form.role)).toList(), found -> found.size()
                + " événement(s) exporté(s)");
        String name = "historique-" + (form.subject.isBlank() ? "flux" : form.subject.strip()) + "." + format;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name.replaceAll("[^A-Za-z0-9._-]", "_")).build().toString())
                .contentType(type)
                .body(writer.apply(events));
    }

    /** The services' query, or null when the form has errors (each recorded next to its field). */
    private EventQuery query(HistoryForm form, FormErrors errors) {
        String subject = blankToNull(form.subject);
        List<String> flows = form.flow == null ? List.of() : form.flow.stream().filter(f -> !f.isBlank())
                .map(String::strip).distinct().toList();
        if (subject == null && flows.isEmpty()) {
            errors.reject("subject", "audit.error.subjectRequired");
        } else if (subject != null && !ID.matcher(subject).matches()) {
            errors.reject("subject", "audit.error.subjectInvalid");
        }
        if (flows.stream().anyMatch(f -> !ID.matcher(f).matches()) || flows.size() > AuditClient.MAX_FLOWS) {
            errors.reject("subject", "audit.error.flowInvalid");
        }
        LocalDate from = date(form.from, "from", errors);
        LocalDate to = date(form.to, "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.reject("to", "audit.error.toBeforeFrom");
        }
        if (!form.role.isBlank() && !List.of("PARENT", "STAFF", "SYSTEM").contains(form.role)) {
            errors.reject("role", "audit.error.roleInvalid");
        }
        errors.maxLength("kind", form.kind, 100);
        errors.maxLength("actor", form.actor, 120);
        if (!errors.asMap().isEmpty()) {
            return null;
        }
        return new EventQuery(subject, flows,
                from == null ? null : from.atStartOfDay(PARIS).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(PARIS).toInstant().minusMillis(1),
                blankToNull(form.kind), blankToNull(form.actor), form.follow, TIMELINE_LIMIT);
    }

    private static boolean matchesRole(AuditEvent event, String role) {
        if (role == null || role.isBlank()) {
            return true;
        }
        String actual = event.actorRole() == null ? "SYSTEM" : event.actorRole();
        return switch (role) {
            case "PARENT" -> actual.equals("PARENT");
            case "SYSTEM" -> actual.equals("SYSTEM");
            default -> !actual.equals("PARENT") && !actual.equals("SYSTEM");
        };
    }

    private static Map<String, Object> parameters(HistoryForm form) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("subject", form.subject);
        parameters.put("flows", form.flow);
        parameters.put("from", form.from);
        parameters.put("to", form.to);
        parameters.put("kind", form.kind);
        parameters.put("actor", form.actor);
        parameters.put("role", form.role);
        parameters.put("follow", form.follow);
        return parameters;
    }

    // ---- time travel

    @GetMapping("/audit/etat")
    String asOf(@ModelAttribute("form") AsOfForm form, Model model) {
        FormErrors errors = texts.errors();
        List<Instant> instants = new ArrayList<>();
        boolean asked = !form.family.isBlank() || form.at.stream().anyMatch(a -> !a.isBlank());
        if (asked) {
            if (form.family.isBlank()) {
                errors.reject("family", "audit.error.familyRequired");
            } else if (!ID.matcher(form.family.strip()).matches()) {
                errors.reject("family", "audit.error.subjectInvalid");
            }
            List<String> given = form.at.stream().filter(a -> !a.isBlank()).toList();
            if (given.isEmpty()) {
                errors.reject("at", "audit.error.instantRequired");
            } else if (given.size() > MAX_INSTANTS) {
                errors.reject("at", "audit.error.tooManyInstants", MAX_INSTANTS);
            }
            for (String value : given) {
                try {
                    Instant at = LocalDateTime.parse(value.strip()).atZone(PARIS).toInstant();
                    if (at.isAfter(Instant.now())) {
                        errors.reject("at", "audit.error.instantInFuture");
                    }
                    instants.add(at);
                } catch (DateTimeParseException e) {
                    errors.reject("at", "audit.error.instantInvalid");
                }
            }
        }
        while (form.at.size() < MAX_INSTANTS) {
            form.at.add("");
        }
        model.addAttribute("errors", errors.asMap());
        if (!asked || !errors.asMap().isEmpty()) {
            return "audit/as-of";
        }
        String family = form.family.strip();
        Gathered<Map.Entry<String, List<String>>> views = audit.timeTravelViews();
        List<AsOf> states = queries.run("as-of", Map.of("family", family, "at", instants.stream()
                .map(Instant::toString).toList()), () -> {
                    List<AsOf> result = new ArrayList<>();
                    for (Instant at : instants) {
                        for (Map.Entry<String, List<String>> service : views.items()) {
                            for (String view : service.getValue()) {
                                result.add(audit.asOf(service.getKey(), view, family, at));
                            }
                        }
                    }
                    return result;
                }, result -> result.size() + " état(s) reconstitué(s)");
        model.addAttribute("states", states);
        model.addAttribute("failures", views.failures());
        return "audit/as-of";
    }

    // ---- read models

    @GetMapping("/audit/modeles")
    String readModels(Model model) {
        Gathered<ReadModel> found = audit.readModels();
        model.addAttribute("readModels", found.items());
        model.addAttribute("failures", found.failures());
        return "audit/read-models";
    }

    @PostMapping("/audit/modeles/rejouer")
    String replay(@RequestParam(name = "target") String target, Model model) {
        Gathered<ReadModel> known = audit.readModels();
        List<ReadModel> chosen = "all".equals(target) ? known.items() : known.items().stream()
                .filter(r -> (r.service() + "/" + r.processingGroup()).equals(target)).toList();
        if (chosen.isEmpty()) {
            throw new ServiceProblem(404, "READ_MODEL_NOT_FOUND", texts.get("audit.error.readModelUnknown"), Map.of());
        }
        List<ReplayResult> results = queries.run("replay", Map.of("target", target), () -> chosen.stream()
                        .map(r -> audit.replay(r.service(), r.processingGroup())).toList(),
                done -> done.size() + " modèle(s) reconstruit(s), " + done.stream().filter(r -> !r.identical())
                        .count() + " différent(s)");
        model.addAttribute("readModels", known.items());
        model.addAttribute("failures", known.failures());
        model.addAttribute("results", results);
        model.addAttribute("allIdentical", results.stream().allMatch(ReplayResult::identical));
        return "audit/read-models";
    }

    // ---- hash chains

    @GetMapping("/audit/chaines")
    String chains(@ModelAttribute("form") ChainForm form, @RequestParam(name = "verifier", required = false)
                  String run, Model model) {
        FormErrors errors = texts.errors();
        model.addAttribute("services", ServiceClients.ALL);
        if (run != null) {
            if (!form.service.isBlank() && !ServiceClients.ALL.contains(form.service)) {
                errors.reject("service", "audit.error.serviceUnknown");
            }
            if (!form.stream.isBlank() && !ID.matcher(form.stream.strip()).matches()) {
                errors.reject("stream", "audit.error.subjectInvalid");
            }
            if (errors.asMap().isEmpty()) {
                List<String> targets = form.service.isBlank() ? ServiceClients.ALL : List.of(form.service);
                String stream = blankToNull(form.stream);
                Gathered<ChainReport> reports = queries.run("chain-verification", Map.of("service",
                        form.service, "stream", form.stream), () -> audit.chains(targets, stream),
                        done -> done.items().stream().mapToLong(r -> r.breaks().size()).sum() + " rupture(s) dans "
                                + done.items().stream().mapToLong(ChainReport::events).sum() + " événement(s)"
                                + (done.complete() ? "" : ", sans réponse de "
                                + String.join(", ", done.failures().keySet())));
                model.addAttribute("reports", reports.items());
                model.addAttribute("failures", reports.failures());
                model.addAttribute("allIntact", reports.complete() && reports.items().stream()
                        .allMatch(ChainReport::intact));
            }
        }
        model.addAttribute("errors", errors.asMap());
        return "audit/chains";
    }

    // ---- the record of queries

    @GetMapping("/audit/journal")
    String journal(@RequestParam(name = "utilisateur", required = false) String user, Model model) {
        model.addAttribute("entries", queries.latest(blankToNull(user), 500));
        model.addAttribute("user", user == null ? "" : user);
        return "audit/journal";
    }

    private static LocalDate date(String value, String field, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.reject(field, "audit.error.dateInvalid");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
