package fr.marelle.children.demo;

import fr.marelle.children.calendar.SchoolYear;
import fr.marelle.children.calendar.TownCalendar;
import fr.marelle.children.school.SchoolCommands.AddClass;
import fr.marelle.children.school.SchoolCommands.OpenSchool;
import fr.marelle.children.school.SchoolKind;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Vincey's two schools of the guide, with classes for the current school year ({@code ./marelle run --demo}, which
 * sets MARELLE_DEMO_DATA=true). Ids are derived from names, so a second start changes nothing.
 */
@Component
@ConditionalOnProperty(name = "marelle.demo-data", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoSchool(String name, SchoolKind kind, int minAge, int maxAge, List<String[]> classes) {
        UUID id() {
            return UUID.nameUUIDFromBytes(("marelle-demo:vincey:school:" + name).getBytes(StandardCharsets.UTF_8));
        }

        UUID classId(SchoolYear year, String className) {
            return UUID.nameUUIDFromBytes(("marelle-demo:vincey:class:" + name + ":" + year + ":" + className)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    static final List<DemoSchool> SCHOOLS = List.of(
            new DemoSchool("École maternelle du centre", SchoolKind.MATERNELLE, 3, 6, List.of(
                    new String[]{"Petite section", "PS"}, new String[]{"Moyenne section", "MS"},
                    new String[]{"Grande section", "GS"})),
            new DemoSchool("École primaire du centre", SchoolKind.ELEMENTAIRE, 6, 11, List.of(
                    new String[]{"CP", "CP"}, new String[]{"CE1", "CE1"}, new String[]{"CE2", "CE2"},
                    new String[]{"CM1", "CM1"}, new String[]{"CM2", "CM2"})));

    private final CommandGateway commands;
    private final EventStore events;
    private final TownCalendar calendar;

    DemoData(CommandGateway commands, EventStore events, TownCalendar calendar) {
        this.commands = commands;
        this.events = events;
        this.calendar = calendar;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        SchoolYear year = calendar.currentSchoolYear();
        ActorContext.runAs(Actor.system("children-service:demo"), null, () -> {
            for (DemoSchool school : SCHOOLS) {
                if (events.lastSequenceNumberFor(school.id().toString()).isEmpty()) {
                    commands.sendAndWait(new OpenSchool(school.id(), school.name(), school.kind(), school.minAge(),
                            school.maxAge()));
                }
                for (String[] c : school.classes()) {
                    try {
                        commands.sendAndWait(new AddClass(school.id(), school.classId(year, c[0]), year, c[0], c[1]));
                    } catch (DomainException e) {
                        // CLASS_NAME_TAKEN: loaded at an earlier start
                    }
                }
            }
        });
        log.info("Demo data: Vincey's schools and their classes for {}", year);
    }
}
