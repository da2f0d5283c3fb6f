package fr.marelle.children.requirements;

import fr.marelle.children.calendar.SchoolYearCalendar;
import fr.marelle.children.calendar.TownCalendar;
import fr.marelle.children.document.DocumentCommands.ExpireDocument;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What time changes: documents past their last day expire, and a new school year starts on 1 September. Both are
 * recorded as facts (the aggregates ignore what is already done, so every replica may run this), which the
 * requirements policy follows like any other.
 */
@Component
public class RequirementsClock {

    private static final Logger log = LoggerFactory.getLogger(RequirementsClock.class);
    static final Actor SELF = Actor.system("children-service");

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final TownCalendar calendar;

    RequirementsClock(JdbcClient jdbc, CommandGateway commands, TownCalendar calendar) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.calendar = calendar;
    }

    @Scheduled(initialDelayString = "${marelle.children.requirements.initial-delay:20s}",
            fixedDelayString = "${marelle.children.requirements.check-interval:15m}")
    void scheduled() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("The expiry and school-year check failed; it runs again later: {}", e.toString());
        }
    }

    /** @return how many documents expired */
    public int check() {
        LocalDate today = calendar.today();
        ActorContext.runAs(SELF, null, () -> commands.sendAndWait(
                new SchoolYearCalendar.StartSchoolYear(SchoolYearCalendar.TOWN, calendar.currentSchoolYear())));
        List<UUID> due = jdbc.sql("SELECT document_id FROM rm_document WHERE status = 'APPROVED' "
                        + "AND valid_until < ? ORDER BY valid_until LIMIT 1000")
                .param(today).query(UUID.class).list();
        ActorContext.runAs(SELF, null, () -> due.forEach(id -> commands.sendAndWait(new ExpireDocument(id, today))));
        if (!due.isEmpty()) {
            log.info("{} document(s) expired on {}", due.size(), today);
        }
        return due.size();
    }
}
