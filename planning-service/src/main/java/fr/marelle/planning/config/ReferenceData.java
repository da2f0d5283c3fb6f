package fr.marelle.planning.config;

import fr.marelle.planning.calendar.CalendarCommands.ImportPublicHolidays;
import fr.marelle.planning.calendar.CalendarCommands.ImportSchoolYears;
import fr.marelle.planning.calendar.CalendarFiles;
import fr.marelle.planning.calendar.DayKind;
import fr.marelle.planning.calendar.SchoolCalendar;
import fr.marelle.planning.catalogue.CatalogueCommands.OpenService;
import fr.marelle.planning.catalogue.DeadlineRule;
import fr.marelle.planning.catalogue.ServiceDefinition;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a new town starts with: the zone's school calendar and the public holidays shipped with Marelle (never over
 * what staff imported since), and the four services of the guide, once (staff change them afterwards).
 */
@Component
class ReferenceData {

    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);
    static final String SCHOOL_FILE = "calendar/fr-en-calendrier-scolaire-zone-b.csv";
    static final String HOLIDAYS_FILE = "calendar/jours-feries-metropole.csv";

    private final CommandGateway commands;
    private final boolean seedCatalogue;
    private final String zone;

    ReferenceData(CommandGateway commands,
                  @Value("${marelle.planning.seed-catalogue:true}") boolean seedCatalogue,
                  @Value("${marelle.planning.zone:B}") String zone) {
        this.commands = commands;
        this.seedCatalogue = seedCatalogue;
        this.zone = zone;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        ActorContext.runAs(Actor.system("planning"), null, () -> {
            commands.sendAndWait(new ImportSchoolYears(SchoolCalendar.ID,
                    CalendarFiles.schoolYearsFromCsv(read(SCHOOL_FILE), zone), "Marelle : " + SCHOOL_FILE, false));
            commands.sendAndWait(new ImportPublicHolidays(SchoolCalendar.ID,
                    CalendarFiles.publicHolidaysFromCsv(read(HOLIDAYS_FILE)), "Marelle : " + HOLIDAYS_FILE, false));
            if (seedCatalogue) {
                defaultServices().forEach(this::open);
            }
        });
    }

    private void open(ServiceDefinition definition) {
        try {
            commands.sendAndWait(new OpenService(ServiceDefinition.idOf(definition.code()), definition));
            log.info("Service {} opened with the default settings", definition.code());
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof AggregateStreamCreationException) {
                    log.debug("Service {} already exists", definition.code());
                    return;
                }
            }
            throw e;
        }
    }

    /** The four services of the guide, with settings a town usually starts from. */
    static List<ServiceDefinition> defaultServices() {
        DeadlineRule twoWorkingDays = DeadlineRule.daysBefore(2, LocalTime.of(10, 0), true);
        DeadlineRule dayBefore = DeadlineRule.daysBefore(1, LocalTime.of(18, 0), true);
        Set<String> required = Set.of("PHOTO", "SCHOOL_INSURANCE", "HEALTH_SHEET");
        return List.of(
                new ServiceDefinition("CANTEEN", "Restauration scolaire", "Repas du midi les jours d'école.",
                        Set.of(DayKind.SCHOOL_DAY), 120, Map.of(), twoWorkingDays, twoWorkingDays, required,
                        "NONE", "DAY", new BigDecimal("2.00")),
                new ServiceDefinition("MORNING_DAYCARE", "Garderie matin", "Accueil de 7 h 30 à 8 h 30.",
                        Set.of(DayKind.SCHOOL_DAY), 40, Map.of(), dayBefore, dayBefore, required,
                        "DAYCARE", "SESSION", new BigDecimal("1.00")),
                new ServiceDefinition("EVENING_DAYCARE", "Garderie soir", "Accueil de 16 h 30 à 18 h 30.",
                        Set.of(DayKind.SCHOOL_DAY), 40, Map.of(), dayBefore, dayBefore, required,
                        "DAYCARE", "SESSION", new BigDecimal("2.00")),
                new ServiceDefinition("WEDNESDAYS_HOLIDAYS", "Mercredis et vacances scolaires",
                        "Centre de loisirs, journée complète.", Set.of(DayKind.WEDNESDAY, DayKind.HOLIDAY), 48,
                        Map.of(), DeadlineRule.weekdayOfPreviousWeek(DayOfWeek.THURSDAY, LocalTime.of(12, 0), true),
                        DeadlineRule.weekdayOfPreviousWeek(DayOfWeek.THURSDAY, LocalTime.of(12, 0), true), required,
                        "LEISURE_CENTRE", "DAY", new BigDecimal("8.00")));
    }

    private static String read(String resource) {
        try {
            return new String(new ClassPathResource(resource).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
