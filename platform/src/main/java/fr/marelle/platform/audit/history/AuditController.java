package fr.marelle.platform.audit.history;

import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.security.Callers;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The audit API of a service, for the audit console (auditors, administrators): its stored events by family,
 * stream or flow; the verification of its hash chains; the rebuild of a read model compared with the live one.
 * Nothing here changes the service's data.
 */
@RestController
public class AuditController {

    private final EventHistory history;
    private final ChainVerifier chains;
    private final ReadModelReplayer replayer;
    private final Map<String, TimeTravelView> views = new TreeMap<>();

    public AuditController(EventHistory history, ChainVerifier chains, ReadModelReplayer replayer,
                           List<TimeTravelView> views) {
        this.history = history;
        this.chains = chains;
        this.replayer = replayer;
        views.forEach(view -> this.views.put(view.name(), view));
    }

    @GetMapping("/internal/audit/events")
    public List<HistoryEvent> events(@RequestParam(required = false) String familyId,
                                     @RequestParam(required = false) String aggregateId,
                                     @RequestParam(required = false) String subject,
                                     @RequestParam(required = false) List<String> correlationId,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                     Instant from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                                     Instant to,
                                     @RequestParam(required = false) String type,
                                     @RequestParam(required = false) String actor,
                                     @RequestParam(defaultValue = "2000") int limit) {
        Callers.require(Role.AUDITOR, Role.ADMIN);
        EventHistory.Query query = new EventHistory.Query(familyId, aggregateId, subject, correlationId, from, to,
                type, actor, limit);
        if (!query.scoped()) {
            throw DomainException.invalid("AUDIT_SCOPE_REQUIRED", "Précisez une famille, un dossier, une corrélation "
                    + "ou une période.", List.of());
        }
        if (query.correlationIds().size() > 200) {
            throw DomainException.invalid("AUDIT_TOO_MANY_FLOWS", "Au plus 200 corrélations par recherche.",
                    List.of());
        }
        return history.find(query);
    }

    @GetMapping("/internal/audit/chain")
    public ChainVerifier.Report chain(@RequestParam(required = false) String aggregateId) {
        Callers.require(Role.AUDITOR, Role.ADMIN);
        return chains.verify(aggregateId);
    }

    @GetMapping("/internal/audit/read-models")
    public List<ReadModelReplayer.ReadModel> readModels() {
        Callers.require(Role.AUDITOR, Role.ADMIN);
        return replayer.readModels();
    }

    @PostMapping("/internal/audit/read-models/{processingGroup}/replay")
    public ReadModelReplayer.Result replay(@PathVariable String processingGroup) {
        Callers.require(Role.AUDITOR, Role.ADMIN);
        if (replayer.readModels().stream().noneMatch(r -> r.processingGroup().equals(processingGroup))) {
            throw DomainException.notFound("READ_MODEL_NOT_FOUND", "Modèle de lecture inconnu.");
        }
        return replayer.replay(processingGroup);
    }

    /** The states this service can show as of a past instant. */
    @GetMapping("/internal/audit/as-of")
    public Set<String> timeTravelViews() {
        Callers.require(Role.AUDITOR, Role.ADMIN);
        return views.keySet();
    }

    @GetMapping("/internal/audit/as-of/{view}")
    public ReadModelReplayer.AsOf asOf(@PathVariable String view, @RequestParam String familyId,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        Callers.require(Role.AUDITOR, Role.ADMIN);
        TimeTravelView found = views.get(view);
        if (found == null) {
            throw DomainException.notFound("TIME_TRAVEL_VIEW_NOT_FOUND", "Cet état ne peut pas être reconstitué ici.");
        }
        return replayer.asOf(found, familyId, at);
    }
}
