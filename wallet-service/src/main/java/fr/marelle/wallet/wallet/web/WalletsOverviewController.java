package fr.marelle.wallet.wallet.web;

import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import fr.marelle.wallet.wallet.query.WalletQueries;
import fr.marelle.wallet.wallet.query.WalletQueries.MonthFlow;
import fr.marelle.wallet.wallet.query.WalletQueries.Overdrawn;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every wallet at once, for the town's finance desk (FINANCE, ADMIN): the wallets below zero, and money in and out
 * per month. Parameters are read after the role is checked, so a caller who may not see them learns nothing else.
 */
@RestController
class WalletsOverviewController {

    static final Role[] FINANCE_DESK = {Role.ADMIN, Role.FINANCE};
    /** A period of flows covers at most this many days (two years and a bit). */
    static final int MAX_DAYS = 800;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final WalletQueries queries;
    private final Clock clock;

    WalletsOverviewController(WalletQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** How many wallets are below zero, and the first {@code limit} of them, the most negative first. */
    @GetMapping("/api/wallets/overdrawn")
    Overdrawn overdrawn(@RequestParam(name = "limit", required = false) String limit) {
        Callers.require(FINANCE_DESK);
        int bounded = 100;
        if (limit != null) {
            try {
                bounded = Math.min(Math.max(Integer.parseInt(limit.strip()), 0), 500);
            } catch (NumberFormatException e) {
                throw invalid(List.of(new FieldViolation("limit", "FORMAT", "Un nombre entier est attendu.")));
            }
        }
        return queries.overdrawn(bounded);
    }

    /**
     * Money in and out of the wallets per month (Paris time) over the days {@code from} to {@code to}, inclusive; by
     * default the twelve months to today.
     */
    @GetMapping("/api/wallets/flows")
    List<MonthFlow> flows(@RequestParam(name = "from", required = false) String from,
                          @RequestParam(name = "to", required = false) String to) {
        Callers.require(FINANCE_DESK);
        List<FieldViolation> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        LocalDate end = date("to", to, today, errors);
        LocalDate start = date("from", from, end.withDayOfMonth(1).minusMonths(11), errors);
        if (errors.isEmpty() && end.isBefore(start)) {
            errors.add(new FieldViolation("to", "RANGE", "La date de fin doit suivre la date de début."));
        } else if (errors.isEmpty() && start.plusDays(MAX_DAYS).isBefore(end)) {
            errors.add(new FieldViolation("to", "RANGE", "La période couvre au plus " + MAX_DAYS + " jours."));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return queries.flows(start, end);
    }

    private static LocalDate date(String field, String value, LocalDate fallback, List<FieldViolation> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldViolation(field, "FORMAT", "La date s'écrit AAAA-MM-JJ."));
            return fallback;
        }
    }

    private static DomainException invalid(List<FieldViolation> errors) {
        return DomainException.invalid("VALIDATION_FAILED", "Certains paramètres sont invalides.", errors);
    }
}
