package fr.marelle.gateway.web.planning;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Planification" (screens 16 and 17): pick a service, read its house rules and the family's price, plan one or
 * several children over a period ("Sera présent" books, "Sera absent" cancels), see what it gives before confirming,
 * and follow each child's week. A day can be cancelled before its deadline; after it, a sick child is reported with a
 * certificate.
 */
@Controller
class ParentPlanningController {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final PlanningClient planning;
    private final Texts texts;
    private final Clock clock = Clock.system(PARIS);

    ParentPlanningController(PlanningClient planning, Texts texts) {
        this.planning = planning;
        this.texts = texts;
    }

    @GetMapping("/planification")
    String services(Model model) {
        model.addAttribute("services", planning.services());
        return "planning/services";
    }

    @GetMapping("/planification/{serviceId}")
    String service(@PathVariable String serviceId, @RequestParam(name = "jour", required = false) String day,
                   Model model) {
        LocalDate shown = Optional.ofNullable(PlanningForm.parse(day)).orElse(LocalDate.now(clock));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", defaults(serviceId, shown));
        }
        return show(serviceId, shown, texts.errors(), null, model);
    }

    /** Back to the form with what was typed (from the summary's "Modifier"). */
    @PostMapping("/planification/{serviceId}/modifier")
    String edit(@PathVariable String serviceId, @ModelAttribute("form") PlanningForm form, Model model) {
        LocalDate shown = Optional.ofNullable(PlanningForm.parse(form.from)).orElse(LocalDate.now(clock));
        return show(serviceId, shown, texts.errors(), null, model);
    }

    /** What the request would do: the days, those left out and why, the likely total; nothing is written yet. */
    @PostMapping("/planification/{serviceId}/apercu")
    String preview(@PathVariable String serviceId, @ModelAttribute("form") PlanningForm form, Model model) {
        FormErrors errors = texts.errors();
        form.check(errors);
        LocalDate shown = Optional.ofNullable(PlanningForm.parse(form.from)).orElse(LocalDate.now(clock));
        if (!errors.isEmpty()) {
            return show(serviceId, shown, errors, null, model);
        }
        JsonNode preview;
        try {
            preview = planning.preview(form.toRequest(serviceId));
        } catch (ServiceProblem problem) {
            return refused(serviceId, shown, problem, errors, model);
        }
        JsonNode service = planning.service(serviceId);
        model.addAttribute("service", service);
        model.addAttribute("preview", preview);
        java.util.Map<String, String> names = childNames(serviceId, shown);
        model.addAttribute("children", names);
        java.util.Map<String, Integer> perChild = new java.util.LinkedHashMap<>();
        preview.path("planned").forEach(d -> perChild.merge(names.getOrDefault(d.path("childId").asText(), "?"), 1,
                Integer::sum));
        model.addAttribute("daysPerChild", perChild);
        model.addAttribute("fromIso", PlanningForm.parse(form.from).toString());
        model.addAttribute("toIso", PlanningForm.parse(form.to).toString());
        Optional<Long> price = price(serviceId, PlanningForm.parse(form.from));
        model.addAttribute("unitPrice", price.orElse(null));
        model.addAttribute("total", price.map(p -> p * preview.path("days").asLong()).orElse(null));
        return "planning/preview";
    }

    @PostMapping("/planification/{serviceId}/confirmation")
    String confirm(@PathVariable String serviceId, @ModelAttribute("form") PlanningForm form,
                   RedirectAttributes redirect, Model model) {
        FormErrors errors = texts.errors();
        form.check(errors);
        LocalDate shown = Optional.ofNullable(PlanningForm.parse(form.from)).orElse(LocalDate.now(clock));
        if (!errors.isEmpty()) {
            return show(serviceId, shown, errors, null, model);
        }
        try {
            if (form.cancels()) {
                JsonNode cancelled = planning.cancelPeriod(form.toRequest(serviceId));
                redirect.addFlashAttribute("done", texts.get("planning.done.cancelled",
                        cancelled.path("cancelled").asInt()));
            } else {
                JsonNode submitted = planning.submit(form.toRequest(serviceId));
                redirect.addFlashAttribute("done", texts.get("planning.done.booked",
                        submitted.path("booked").asInt(), submitted.path("waitlisted").asInt()));
            }
        } catch (ServiceProblem problem) {
            return refused(serviceId, shown, problem, errors, model);
        }
        return "redirect:/planification/" + serviceId + "?jour=" + shown;
    }

    @PostMapping("/planification/reservations/{bookingId}/annulation")
    String cancel(@PathVariable String bookingId, @RequestParam("service") String serviceId,
                  @RequestParam("jour") String day, RedirectAttributes redirect) {
        try {
            JsonNode cancelled = planning.cancel(bookingId);
            redirect.addFlashAttribute("done", texts.get("planning.done.cancelledDay",
                    PlanningFormats.longDate(LocalDate.parse(cancelled.path("date").asText()))));
        } catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            redirect.addFlashAttribute("refusal", texts.problem(problem));
        }
        return "redirect:/planification/" + serviceId + "?jour=" + PlanningForm.parse(day);
    }

    @GetMapping("/planification/reservations/{bookingId}/absence")
    String absenceForm(@PathVariable String bookingId, Model model) {
        return absencePage(bookingId, texts.errors(), null, model);
    }

    @PostMapping("/planification/reservations/{bookingId}/absence")
    String reportAbsence(@PathVariable String bookingId, @RequestParam(name = "certificat", required = false)
                         MultipartFile certificate, RedirectAttributes redirect, Model model) throws IOException {
        FormErrors errors = texts.errors();
        if (certificate == null || certificate.isEmpty()) {
            errors.reject("certificat", "planning.absence.fileRequired");
            return absencePage(bookingId, errors, null, model);
        }
        JsonNode booking = planning.booking(bookingId);
        try {
            planning.reportAbsence(bookingId, certificate.getOriginalFilename(), certificate.getContentType(),
                    certificate.getBytes());
        } catch (ServiceProblem problem) {
            if (problem.isInvalidInput()) {
                problem.fields().forEach((field, p) -> errors.reject("certificat", "planning.absence.fileInvalid"));
                return absencePage(bookingId, errors, null, model);
            }
            if (problem.isNotFound()) {
                throw problem;
            }
            return absencePage(bookingId, errors, texts.problem(problem), model);
        }
        redirect.addFlashAttribute("done", texts.get("planning.done.absence"));
        return "redirect:/planification/" + booking.path("serviceId").asText() + "?jour="
                + booking.path("day").asText();
    }

    @GetMapping("/planification/{serviceId}/reglement")
    ResponseEntity<byte[]> houseRules(@PathVariable String serviceId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reglement-" + serviceId + ".pdf\"")
                .body(planning.houseRules(serviceId));
    }

    @GetMapping("/planification/calendrier.ics")
    ResponseEntity<byte[]> ics() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reservations.ics\"")
                .body(planning.ics());
    }

    // ------------------------------------------------------------------------------------------------ pages

    private String show(String serviceId, LocalDate day, FormErrors errors, String formError, Model model) {
        JsonNode service = planning.service(serviceId);
        JsonNode week = planning.week(serviceId, day, null);
        model.addAttribute("service", service);
        model.addAttribute("week", week);
        model.addAttribute("previousWeek", LocalDate.parse(week.path("monday").asText()).minusWeeks(1));
        model.addAttribute("nextWeek", LocalDate.parse(week.path("monday").asText()).plusWeeks(1));
        model.addAttribute("unitPrice", price(serviceId, day).orElse(null));
        model.addAttribute("weekdayChoices", List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "planning/service";
    }

    private String refused(String serviceId, LocalDate day, ServiceProblem problem, FormErrors errors, Model model) {
        if (problem.isInvalidInput()) {
            errors.add(problem);
            return show(serviceId, day, errors, problem.fields().isEmpty() ? texts.problem(problem) : null, model);
        }
        if (problem.isNotFound() && !"CHILD_NOT_FOUND".equals(problem.code())) {
            throw problem;
        }
        return show(serviceId, day, errors, texts.problem(problem), model);
    }

    private String absencePage(String bookingId, FormErrors errors, String formError, Model model) {
        JsonNode booking = planning.booking(bookingId);
        model.addAttribute("booking", booking);
        model.addAttribute("service", planning.service(booking.path("serviceId").asText()));
        model.addAttribute("children", childNames(booking.path("serviceId").asText(),
                LocalDate.parse(booking.path("day").asText())));
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "planning/absence";
    }

    /** The family's children (all are checked at first) and the weekdays the service can run. */
    private PlanningForm defaults(String serviceId, LocalDate day) {
        PlanningForm form = new PlanningForm();
        JsonNode week = planning.week(serviceId, day, null);
        week.path("children").forEach(c -> {
            if (c.path("bookable").asBoolean()) {
                form.childIds.add(c.path("childId").asText());
            }
        });
        JsonNode runsOn = planning.service(serviceId).path("definition").path("runsOn");
        List<String> days = new ArrayList<>();
        runsOn.forEach(kind -> {
            switch (kind.asText()) {
                case "SCHOOL_DAY" -> days.addAll(List.of("MONDAY", "TUESDAY", "THURSDAY", "FRIDAY"));
                case "WEDNESDAY" -> days.add("WEDNESDAY");
                default -> days.addAll(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
            }
        });
        form.weekdays = days.stream().distinct().sorted(java.util.Comparator.comparing(DayOfWeek::valueOf)).toList();
        return form;
    }

    private java.util.Map<String, String> childNames(String serviceId, LocalDate day) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        planning.week(serviceId, day, null).path("children").forEach(c -> names.put(c.path("childId").asText(),
                c.path("firstName").asText()));
        return names;
    }

    private Optional<Long> price(String serviceId, LocalDate day) {
        GatewayUser user = CurrentActor.user().orElseThrow();
        return planning.unitPriceCents(serviceId, user.familyIdForServices(), day == null ? LocalDate.now(clock) : day);
    }
}
