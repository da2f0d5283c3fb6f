package fr.marelle.gateway.web.planning;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.planning.PlanningClient;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/**
 * The console's planning: the service catalogue and the school calendar (imports, closures), the registers
 * ("pointage") per service, day and school, the occupancy of each day with its waiting list, and the CAF report.
 */
@Controller
class PlanningConsoleController {

    private final PlanningClient planning;
    private final Texts texts;
    private final Clock clock = Clock.system(ParentPlanningController.PARIS);

    PlanningConsoleController(PlanningClient planning, Texts texts) {
        this.planning = planning;
        this.texts = texts;
    }

    // ---------------------------------------------------------------------------------- services and calendar

    @GetMapping("/admin/planification/services")
    String services(Model model) {
        return servicesPage(texts.errors(), null, model);
    }

    private String servicesPage(FormErrors errors, String formError, Model model) {
        model.addAttribute("services", planning.services());
        model.addAttribute("calendar", planning.calendar());
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        if (!model.containsAttribute("closure")) {
            model.addAttribute("closure", new ClosureForm());
        }
        model.addAttribute("form", model.getAttribute("closure"));
        return "planning/admin-services";
    }

    public static class ClosureForm {
        public String serviceId;
        public String date;
        public String reason;
    }

    @GetMapping("/admin/planification/services/nouveau")
    String newService(Model model) {
        return serviceForm(null, new ServiceForm(), texts.errors(), null, model);
    }

    @PostMapping("/admin/planification/services/nouveau")
    String open(@ModelAttribute("form") ServiceForm form, RedirectAttributes redirect, Model model) {
        FormErrors errors = texts.errors();
        Map<String, Object> request = form.toRequest(errors);
        if (errors.isEmpty()) {
            try {
                String serviceId = planning.openService(request);
                redirect.addFlashAttribute("done", texts.get("planning.admin.opened", form.name));
                return "redirect:/admin/planification/services/" + serviceId + "/modifier";
            } catch (ServiceProblem problem) {
                return serviceRefused(null, form, problem, errors, model);
            }
        }
        return serviceForm(null, form, errors, null, model);
    }

    @GetMapping("/admin/planification/services/{serviceId}/modifier")
    String editService(@PathVariable String serviceId, Model model) {
        JsonNode service = planning.service(serviceId);
        return serviceForm(service, ServiceForm.of(service.path("definition")), texts.errors(), null, model);
    }

    @PostMapping("/admin/planification/services/{serviceId}/modifier")
    String redefine(@PathVariable String serviceId, @ModelAttribute("form") ServiceForm form,
                    RedirectAttributes redirect, Model model) {
        JsonNode service = planning.service(serviceId);
        form.code = service.path("definition").path("code").asText();
        FormErrors errors = texts.errors();
        Map<String, Object> request = form.toRequest(errors);
        if (errors.isEmpty()) {
            try {
                planning.redefineService(serviceId, request);
                redirect.addFlashAttribute("done", texts.get("planning.admin.saved", form.name));
                return "redirect:/admin/planification/services/" + serviceId + "/modifier";
            } catch (ServiceProblem problem) {
                return serviceRefused(service, form, problem, errors, model);
            }
        }
        return serviceForm(service, form, errors, null, model);
    }

    @PostMapping("/admin/planification/services/{serviceId}/etat")
    String withdraw(@PathVariable String serviceId, @RequestParam("retirer") boolean withdraw,
                    RedirectAttributes redirect) {
        planning.withdraw(serviceId, withdraw);
        redirect.addFlashAttribute("done", texts.get(withdraw ? "planning.admin.withdrawn"
                : "planning.admin.reinstated"));
        return "redirect:/admin/planification/services/" + serviceId + "/modifier";
    }

    @PostMapping("/admin/planification/services/{serviceId}/reglement")
    String houseRules(@PathVariable String serviceId, @RequestParam(name = "reglement", required = false)
                      MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("refusal", texts.get("planning.admin.houseRulesRequired"));
        } else {
            try {
                planning.attachHouseRules(serviceId, file.getOriginalFilename(), file.getContentType(),
                        file.getBytes());
                redirect.addFlashAttribute("done", texts.get("planning.admin.houseRulesSaved"));
            } catch (ServiceProblem problem) {
                redirect.addFlashAttribute("refusal", problem.fields().values().stream().findFirst()
                        .map(ServiceProblem.FieldProblem::message).orElse(texts.problem(problem)));
            }
        }
        return "redirect:/admin/planification/services/" + serviceId + "/modifier";
    }

    private String serviceForm(JsonNode service, ServiceForm form, FormErrors errors, String formError, Model model) {
        model.addAttribute("service", service);
        model.addAttribute("form", form);
        model.addAttribute("schools", planningSchools());
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "planning/admin-service-form";
    }

    private JsonNode planningSchools() {
        try {
            return planning.schools();
        } catch (RuntimeException e) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
    }

    private String serviceRefused(JsonNode service, ServiceForm form, ServiceProblem problem, FormErrors errors,
                                  Model model) {
        if (problem.isInvalidInput()) {
            errors.add(problem);
            return serviceForm(service, form, errors, null, model);
        }
        if ("SERVICE_CODE_TAKEN".equals(problem.code())) {
            errors.add("code", problem);
            return serviceForm(service, form, errors, null, model);
        }
        return serviceForm(service, form, errors, texts.problem(problem), model);
    }

    @PostMapping("/admin/planification/calendrier/import")
    String importCalendar(@RequestParam("type") String kind, @RequestParam(name = "fichier", required = false)
                          MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("refusal", texts.get("planning.admin.fileRequired"));
            return "redirect:/admin/planification/services#calendrier";
        }
        try {
            JsonNode imported = planning.importCalendar(kind, file.getOriginalFilename(), file.getBytes());
            redirect.addFlashAttribute("done", "holidays".equals(kind)
                    ? texts.get("planning.admin.holidaysImported", imported.path("publicHolidays").asInt())
                    : texts.get("planning.admin.yearsImported", String.join(", ", java.util.stream.StreamSupport
                    .stream(imported.path("labels").spliterator(), false).map(JsonNode::asText).toList())));
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("refusal", texts.problem(problem));
        }
        return "redirect:/admin/planification/services#calendrier";
    }

    @PostMapping("/admin/planification/fermetures")
    String close(@ModelAttribute("closure") ClosureForm closure, RedirectAttributes redirect, Model model) {
        FormErrors errors = texts.errors();
        LocalDate date = PlanningForm.parse(closure.date);
        if (closure.serviceId == null || closure.serviceId.isBlank()) {
            errors.reject("serviceId", "planning.admin.serviceRequired");
        }
        if (date == null) {
            errors.reject("date", "planning.error.date");
        }
        if (closure.reason == null || closure.reason.isBlank()) {
            errors.reject("reason", "planning.admin.reasonRequired");
        }
        if (errors.isEmpty()) {
            try {
                int cancelled = planning.closeDay(closure.serviceId, date, closure.reason.strip());
                redirect.addFlashAttribute("done", texts.get("planning.admin.closed", PlanningFormats.longDate(date),
                        cancelled));
                return "redirect:/admin/planification/services#fermeture";
            } catch (ServiceProblem problem) {
                if (problem.isInvalidInput()) {
                    errors.add(problem);
                } else {
                    model.addAttribute("closure", closure);
                    return servicesPage(errors, texts.problem(problem), model);
                }
            }
        }
        model.addAttribute("closure", closure);
        return servicesPage(errors, null, model);
    }

    // ------------------------------------------------------------------------------------------------ registers

    @GetMapping("/admin/planification/pointage")
    String registers(@RequestParam(name = "service", required = false) String serviceId,
                     @RequestParam(name = "date", required = false) String day, Model model) {
        JsonNode services = planning.services();
        String chosen = serviceId != null ? serviceId : services.path(0).path("serviceId").asText(null);
        LocalDate date = Optional.ofNullable(PlanningForm.parse(day)).orElse(LocalDate.now(clock));
        model.addAttribute("services", services);
        model.addAttribute("serviceId", chosen);
        model.addAttribute("date", date);
        model.addAttribute("registers", chosen == null ? null : planning.registers(chosen, date));
        return "planning/admin-registers";
    }

    @GetMapping("/admin/planification/pointage/{serviceId}/{date}/{school}")
    String register(@PathVariable String serviceId, @PathVariable LocalDate date, @PathVariable String school,
                    @RequestParam(name = "recherche", required = false) String search, Model model) {
        model.addAttribute("register", planning.register(serviceId, date, school));
        model.addAttribute("search", search);
        if (search != null && search.strip().length() >= 2 && isAgent()) {
            model.addAttribute("found", planning.searchChildren(search.strip()));
        }
        return "planning/admin-register";
    }

    @PostMapping("/admin/planification/pointage/{serviceId}/{date}/{school}")
    String mark(@PathVariable String serviceId, @PathVariable LocalDate date, @PathVariable String school,
                @RequestParam Map<String, String> states, RedirectAttributes redirect) {
        int marked = 0;
        try {
            for (Map.Entry<String, String> entry : states.entrySet()) {
                if (entry.getKey().startsWith("etat-") && !entry.getValue().isBlank()) {
                    planning.mark(serviceId, date, school, entry.getKey().substring(5), entry.getValue());
                    marked++;
                }
            }
            redirect.addFlashAttribute("done", texts.get("planning.register.saved", marked));
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("refusal", texts.problem(problem));
        }
        return "redirect:/admin/planification/pointage/" + serviceId + "/" + date + "/" + school;
    }

    @PostMapping("/admin/planification/pointage/{serviceId}/{date}/{school}/ajout")
    String addUnbooked(@PathVariable String serviceId, @PathVariable LocalDate date, @PathVariable String school,
                       @RequestParam("enfant") String childId, RedirectAttributes redirect) {
        try {
            planning.mark(serviceId, date, school, childId, "PRESENT_UNBOOKED");
            redirect.addFlashAttribute("done", texts.get("planning.register.added"));
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("refusal", texts.problem(problem));
        }
        return "redirect:/admin/planification/pointage/" + serviceId + "/" + date + "/" + school;
    }

    @PostMapping("/admin/planification/pointage/{serviceId}/{date}/{school}/cloture")
    String closeRegister(@PathVariable String serviceId, @PathVariable LocalDate date, @PathVariable String school,
                         @RequestParam(name = "restants", required = false) String remaining,
                         RedirectAttributes redirect) {
        try {
            planning.closeRegister(serviceId, date, school, remaining == null || remaining.isBlank() ? null
                    : remaining);
            redirect.addFlashAttribute("done", texts.get("planning.register.closed"));
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("refusal", texts.problem(problem));
        }
        return "redirect:/admin/planification/pointage/" + serviceId + "/" + date + "/" + school;
    }

    @GetMapping("/admin/planification/pointage/{serviceId}/{date}/{school}/pdf")
    ResponseEntity<byte[]> registerPdf(@PathVariable String serviceId, @PathVariable LocalDate date,
                                       @PathVariable String school) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pointage-" + serviceId + "-" + date
                        + ".pdf\"")
                .body(planning.registerPdf(serviceId, date, school));
    }

    @GetMapping("/admin/planification/reservations/{bookingId}/certificat")
    ResponseEntity<byte[]> certificate(@PathVariable String bookingId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"certificat-" + bookingId + "\"")
                .body(planning.certificate(bookingId));
    }

    // ------------------------------------------------------------------------------ occupancy, waiting lists

    @GetMapping("/admin/planification/occupation")
    String occupancy(@RequestParam(name = "service", required = false) String serviceId,
                     @RequestParam(name = "mois", required = false) String month, Model model) {
        JsonNode services = planning.services();
        String chosen = serviceId != null ? serviceId : services.path(0).path("serviceId").asText(null);
        YearMonth shown = parseMonth(month);
        model.addAttribute("services", services);
        model.addAttribute("serviceId", chosen);
        model.addAttribute("month", shown);
        model.addAttribute("previousMonth", shown.minusMonths(1));
        model.addAttribute("nextMonth", shown.plusMonths(1));
        model.addAttribute("days", chosen == null ? null
                : planning.occupancy(chosen, shown.atDay(1), shown.atEndOfMonth()));
        return "planning/admin-occupancy";
    }

    @PostMapping("/admin/planification/occupation/attribution")
    String grant(@RequestParam("jour") String dayId, @RequestParam("service") String serviceId,
                 @RequestParam("mois") String month, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("done", texts.get("planning.occupancy.granted", planning.grant(dayId)));
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("refusal", texts.problem(problem));
        }
        return "redirect:/admin/planification/occupation?service=" + serviceId + "&mois=" + parseMonth(month);
    }

    @PostMapping("/admin/planification/occupation/reouverture")
    String reopen(@RequestParam("date") String date, @RequestParam("service") String serviceId,
                  RedirectAttributes redirect) {
        LocalDate day = PlanningForm.parse(date);
        planning.reopenDay(serviceId, day);
        redirect.addFlashAttribute("done", texts.get("planning.occupancy.reopened", PlanningFormats.longDate(day)));
        return "redirect:/admin/planification/occupation?service=" + serviceId + "&mois=" + YearMonth.from(day);
    }

    @GetMapping("/admin/planification/attente")
    String waitlists(@RequestParam(name = "service", required = false) String serviceId,
                     @RequestParam(name = "du", required = false) String from,
                     @RequestParam(name = "au", required = false) String to, Model model) {
        LocalDate start = Optional.ofNullable(PlanningForm.parse(from)).orElse(LocalDate.now(clock));
        LocalDate end = Optional.ofNullable(PlanningForm.parse(to)).orElse(start.plusDays(60));
        if (end.isBefore(start) || end.isAfter(start.plusDays(400))) {
            end = start.plusDays(60);
        }
        model.addAttribute("services", planning.services());
        model.addAttribute("serviceId", serviceId == null || serviceId.isBlank() ? null : serviceId);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("entries", planning.waitlists(serviceId == null || serviceId.isBlank() ? null : serviceId,
                start, end));
        return "planning/admin-waitlists";
    }

    // ---------------------------------------------------------------------------------------------------- CAF

    @GetMapping("/admin/planification/caf")
    String caf(@RequestParam(name = "du", required = false) String from,
               @RequestParam(name = "au", required = false) String to, Model model) {
        YearMonth previous = YearMonth.now(clock).minusMonths(1);
        LocalDate start = Optional.ofNullable(PlanningForm.parse(from)).orElse(previous.atDay(1));
        LocalDate end = Optional.ofNullable(PlanningForm.parse(to)).orElse(previous.atEndOfMonth());
        if (end.isBefore(start) || end.isAfter(start.plusDays(400))) {
            end = start.plusDays(30);
        }
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("lines", planning.caf(start, end));
        return "planning/admin-caf";
    }

    @GetMapping("/admin/planification/caf.csv")
    ResponseEntity<byte[]> cafCsv(@RequestParam("du") String from, @RequestParam("au") String to) {
        LocalDate start = PlanningForm.parse(from);
        LocalDate end = PlanningForm.parse(to);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"caf-heures-" + start + "-" + end
                        + ".csv\"")
                .body(planning.cafCsv(start, end));
    }

    private YearMonth parseMonth(String month) {
        try {
            return month == null ? YearMonth.now(clock) : YearMonth.parse(month);
        } catch (RuntimeException e) {
            return YearMonth.now(clock);
        }
    }

    private static boolean isAgent() {
        return CurrentActor.user().map(u -> u.role().name().equals("ADMIN") || u.role().name().equals("AGENT"))
                .orElse(false);
    }
}
