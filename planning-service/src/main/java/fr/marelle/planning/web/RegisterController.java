package fr.marelle.planning.web;

import fr.marelle.planning.attendance.RegisterService;
import fr.marelle.planning.attendance.RegisterPdf;
import fr.marelle.planning.attendance.RegisterService.RegisterView;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.security.Callers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Attendance registers ("pointage") per service, day and school. */
@RestController
class RegisterController {

    record MarkRequest(String state, BigDecimal hours) {
    }

    /** @param remainingAs what the children not marked yet were: {@code PRESENT}, {@code ABSENT_UNEXCUSED} or null */
    record CloseRequest(String remainingAs) {
    }

    private final RegisterService registers;
    private final String town;

    RegisterController(RegisterService registers, @Value("${marelle.town.name:Ville de Vincey}") String town) {
        this.registers = registers;
        this.town = town;
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.AUDITOR})
    @GetMapping("/api/registers")
    List<RegisterService.RegisterSummary> registers(@RequestParam String serviceId, @RequestParam LocalDate date) {
        return registers.registersOf(serviceId, date);
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.AUDITOR})
    @GetMapping("/api/registers/{serviceId}/{date}/{schoolKey}")
    RegisterView register(@PathVariable String serviceId, @PathVariable LocalDate date,
                          @PathVariable String schoolKey) {
        return registers.register(serviceId, date, schoolKey);
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.AUDITOR})
    @GetMapping(value = "/api/registers/{serviceId}/{date}/{schoolKey}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String serviceId, @PathVariable LocalDate date,
                               @PathVariable String schoolKey) {
        RegisterView register = registers.register(serviceId, date, schoolKey);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pointage-" + serviceId + "-" + date
                        + ".pdf\"")
                .body(RegisterPdf.render(register, town));
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @PutMapping("/api/registers/{serviceId}/{date}/{schoolKey}/children/{childId}")
    ResponseEntity<Void> mark(@PathVariable String serviceId, @PathVariable LocalDate date,
                              @PathVariable String schoolKey, @PathVariable UUID childId,
                              @RequestBody MarkRequest request) {
        registers.mark(serviceId, date, schoolKey, childId, request.state(), request.hours());
        return ResponseEntity.noContent().build();
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/api/registers/{serviceId}/{date}/{schoolKey}/closure")
    ResponseEntity<Void> close(@PathVariable String serviceId, @PathVariable LocalDate date,
                               @PathVariable String schoolKey, @RequestBody(required = false) CloseRequest request) {
        Callers.require(Role.ADMIN, Role.AGENT);
        registers.close(serviceId, date, schoolKey, request == null ? null : request.remainingAs());
        return ResponseEntity.noContent().build();
    }
}
