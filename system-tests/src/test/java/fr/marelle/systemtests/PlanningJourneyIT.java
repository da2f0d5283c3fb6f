package fr.marelle.systemtests;

import fr.marelle.systemtests.portal.Broker;
import fr.marelle.systemtests.portal.Browser;
import fr.marelle.systemtests.portal.Pages;
import fr.marelle.systemtests.portal.ParentSession;
import fr.marelle.systemtests.portal.Portal;
import fr.marelle.systemtests.portal.StaffSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Screens 16 and 17 and the planning console in a real browser, with an axe-core check of every page: a parent plans
 * a week of canteen for their child (summary, then confirmation), sees the week in words, cancels a day before its
 * deadline; staff see the occupancy and the register of a booked day, and close another day for a strike, which the
 * parent's week then shows.
 *
 * <p>The child comes from children-service's public events, published on the portal's broker in their contract's
 * shape and headers (registering a child and having its documents validated is children's own journey).
 */
@ExtendWith(Portal.Extension.class)
class PlanningJourneyIT {

    static final String PASSWORD = "Marelle-Planning-2026!x";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @BeforeAll
    static void browserAvailable() {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are needed (apt-get install chromium "
                + "chromium-driver)");
    }

    @Test
    void a_parent_books_a_week_of_canteen_cancels_a_day_and_sees_a_closure_staff_made() throws Exception {
        String email = ParentSession.anEmail("camille");
        String childId = UUID.randomUUID().toString();
        try (Browser parent = new Browser(); Browser staff = new Browser();
             Broker kafka = new Broker()) {
            StaffSession.logInAsAdministrator(staff);
            ParentSession.Parent camille = ParentSession.activeParent(parent, staff, email, PASSWORD);
            kafka.publish("children.ChildRegistered.v1", camille.familyId(), Map.of("childId", childId,
                    "familyId", camille.familyId(), "firstName", "Léa", "lastName", "Martin",
                    "birthDate", "2019-03-14", "schoolId", "b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e"));
            kafka.publish("children.ChildRequirementsChanged.v1", camille.familyId(), Map.of("childId", childId,
                    "familyId", camille.familyId(), "satisfied", List.of("PHOTO", "SCHOOL_INSURANCE", "HEALTH_SHEET"),
                    "missing", List.of(), "schoolYear", "2026-2027"));

            // screen 16: the services; screen 17: the canteen, once planning knows Léa
            parent.open(Portal.GATEWAY + "/planification");
            assertThat(parent.text()).contains("Restauration scolaire", "Garderie matin", "Garderie soir",
                    "Mercredis et vacances scolaires");
            parent.submit(By.linkText("Restauration scolaire"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                parent.open(Portal.GATEWAY + "/planification/canteen");
                return parent.text().contains("Léa Martin");
            });
            assertThat(parent.text()).contains("Votre tarif", "Réservation : au plus tard");

            // a school week at least two weeks ahead: Monday to Friday, Wednesday has no school
            LocalDate monday = firstSchoolWeek(parent);
            Pages.setValue(parent, "from", monday.toString());
            Pages.setValue(parent, "to", monday.plusDays(4).toString());
            parent.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(parent.find(By.tagName("h1")).getText()).isEqualTo("Récapitulatif avant confirmation");
            assertThat(parent.text()).contains("4 jours à réserver", "Léa : 4 jours");
            parent.submit(By.xpath("//main//button[contains(., 'Confirmer la réservation')]"));
            assertThat(parent.text()).contains("Votre demande est enregistrée : 4 jours réservés.");

            // the week in words, then a day cancelled before its deadline
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                parent.open(Portal.GATEWAY + "/planification/canteen?jour=" + monday);
                return parent.driver().findElements(By.cssSelector(".week-child .badge")).stream()
                        .filter(b -> b.getText().equals("Réservé")).count() == 4;
            });
            assertThat(parent.text()).contains("Pas de service le mercredi");
            parent.submit(By.xpath("(//div[contains(@class,'week-child')]//form//button)[1]"));
            assertThat(parent.text()).contains("est annulé, sans frais");
            // the week is a read model: it may show the cancellation a moment after the confirmation
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                parent.open(Portal.GATEWAY + "/planification/canteen?jour=" + monday);
                return parent.driver().findElements(By.cssSelector(".week-child .badge")).stream()
                        .filter(b -> b.getText().equals("Réservé")).count() == 3;
            });

            // staff: occupancy, then the register of a booked day with Léa on it
            LocalDate thursday = monday.plusDays(3);
            staff.open(Portal.GATEWAY + "/admin/planification/occupation?service=canteen&mois="
                    + thursday.toString().substring(0, 7));
            assertThat(staff.text()).contains("Occupation des services");
            staff.open(Portal.GATEWAY + "/admin/planification/pointage?service=canteen&date=" + thursday);
            staff.submit(By.cssSelector("tbody th a"));
            assertThat(staff.text()).contains("Martin Léa", "Camille Martin");
            staff.open(Portal.GATEWAY + "/admin/planification/services");
            assertThat(staff.text()).contains("Calendrier scolaire, zone B", "Année 2026-2027");
            staff.open(Portal.GATEWAY + "/admin/planification/caf");

            // a strike on Friday: the day is closed, its booking cancelled free of charge
            LocalDate friday = monday.plusDays(4);
            staff.open(Portal.GATEWAY + "/admin/planification/services#fermeture");
            new Select(staff.find(By.id("serviceId"))).selectByValue("canteen");
            Pages.setValue(staff, "date", friday.toString());
            staff.type("reason", "Grève du personnel");
            staff.submit(By.xpath("//main//button[contains(., 'Fermer ce jour')]"));
            // other journeys share the portal and may have booked the same Friday: at least Léa's is cancelled
            assertThat(staff.text()).containsPattern("est fermé ; [1-9]\\d* réservations? annulées? sans frais");

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                parent.open(Portal.GATEWAY + "/planification/canteen?jour=" + monday);
                return parent.text().contains("Grève du personnel");
            });
            assertThat(parent.driver().findElements(By.cssSelector(".week-child .badge")).stream()
                    .map(WebElement::getText).toList()).contains("Fermé");
            assertThat(parent.pagesVisited()).anyMatch(p -> p.contains("/planification/canteen/apercu"));
        }
    }

    /** The first Monday two weeks or more ahead whose week the canteen runs (school days, not holidays). */
    static LocalDate firstSchoolWeek(Browser parent) {
        LocalDate monday = LocalDate.now(PARIS).plusWeeks(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        for (int i = 0; i < 8; i++, monday = monday.plusWeeks(1)) {
            parent.open(Portal.GATEWAY + "/planification/canteen?jour=" + monday);
            long available = parent.driver().findElements(By.cssSelector(".week-child .badge")).stream()
                    .filter(b -> b.getText().equals("Disponible")).count();
            if (available == 4) {
                return monday;
            }
        }
        throw new IllegalStateException("No school week with four bookable days in the next ten weeks");
    }
}
