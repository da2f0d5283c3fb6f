package fr.marelle.systemtests;

import fr.marelle.systemtests.portal.Broker;
import fr.marelle.systemtests.portal.Billing;
import fr.marelle.systemtests.portal.Browser;
import fr.marelle.systemtests.portal.Pages;
import fr.marelle.systemtests.portal.ParentSession;
import fr.marelle.systemtests.portal.PlanningFacts;
import fr.marelle.systemtests.portal.Portal;
import fr.marelle.systemtests.portal.StaffSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screen 18 and the billing console in a real browser, with an axe-core check of every page: the administrator
 * enters the canteen's tariff (a first grid, in force since the start of last month), a parent's bookings of last
 * month are priced into an order and settled by the register, the month's invoices are issued from the console, the
 * parent reads the invoice in "Ma facturation" and downloads its PDF, and a credit note corrects a day.
 *
 * <p>Planning's facts (the service, the submission, the register) are published on the portal's Kafka broker as
 * planning-service publishes them (its contract's shape and headers): booking through planning's own pages, for days of
 * a month that is already over, is not possible, and a month's invoices are only issued once the month is over.
 */
@ExtendWith(Portal.Extension.class)
class BillingJourneyIT {

    static final String PASSWORD = "Marelle-Cantine-2026!x";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @BeforeAll
    static void browserAvailable() {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are needed (apt-get install chromium "
                + "chromium-driver)");
    }

    @Test
    void a_parent_reads_the_invoice_of_last_month_and_a_credit_note_corrects_it() throws Exception {
        YearMonth lastMonth = YearMonth.now(PARIS).minusMonths(1);
        List<LocalDate> days = Billing.schoolDays(lastMonth, 3);
        String serviceId = "cantine-" + UUID.randomUUID().toString().substring(0, 8);
        String email = ParentSession.anEmail("camille");
        try (Browser parent = new Browser(); Browser staff = new Browser();
             Broker kafka = new Broker()) {
            StaffSession.logInAsAdministrator(staff);
            ParentSession.Parent camille = ParentSession.activeParent(parent, staff, email, PASSWORD);

            // a parent without orders: the empty state of screen 18
            parent.open(Portal.GATEWAY + "/ma-facturation");
            assertThat(parent.text()).contains("Vous n'avez effectué aucune commande pour le moment");

            // planning's catalogue knows the canteen; the administrator enters its tariff
            kafka.publish("planning.ServiceChanged.v1", serviceId, Map.of("serviceId", serviceId, "code", "CANTEEN",
                    "name", "Restauration scolaire", "cesuClass", "NONE", "unit", "DAY", "hoursPerUnit", 2.0,
                    "active", true));
            Pages.eventually(staff, Portal.GATEWAY + "/admin/facturation/tarifs/nouvelle-grille",
                    () -> !staff.driver().findElements(By.cssSelector("#serviceId option[value='" + serviceId + "']"))
                            .isEmpty());
            new Select(staff.find(By.id("serviceId"))).selectByValue(serviceId);
            Pages.setValue(staff, "effectiveFrom", lastMonth.atDay(1).toString());
            staff.type("brackets-0-maxQuotientFamilial", "800").type("brackets-0-unitPrice", "1,90")
                    .type("brackets-1-unitPrice", "deux euros soixante");
            staff.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(staff.find(By.id("brackets-1-unitPrice-error")).getText())
                    .contains("Un montant en euros, par exemple 1,90.");
            staff.type("brackets-1-unitPrice", "2,60");
            staff.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(staff.text()).contains("Grille enregistrée.");

            // Camille's submission for Léa, and the registers: present on the first two days, excused on the third
            String lea = UUID.randomUUID().toString();
            kafka.publish("children.ChildRegistered.v1", camille.familyId(), Map.of("childId", lea,
                    "familyId", camille.familyId(), "firstName", "Léa", "lastName", "Martin",
                    "birthDate", "2019-03-14", "schoolId", UUID.randomUUID().toString()));
            List<PlanningFacts.Booking> bookings = PlanningFacts.submitted(kafka, camille.familyId(), serviceId,
                    List.of(lea), days, lastMonth.atDay(1).atStartOfDay(PARIS).toInstant());
            for (int i = 0; i < days.size(); i++) {
                PlanningFacts.settled(kafka, serviceId, days.get(i), PlanningFacts.on(bookings, days.get(i)),
                        i < 2 ? "PRESENT" : "ABSENT_EXCUSED", "journey-" + UUID.randomUUID());
            }

            // the order: no validated QF attestation, so the top bracket (2,60 €) for each day
            Pages.eventually(parent, Portal.GATEWAY + "/ma-facturation",
                    () -> parent.text().contains("3 jours réservés"));
            assertThat(parent.text()).contains("7,80");
            parent.submit(By.cssSelector("#commandes ~ .table-wrapper tbody a"));
            Pages.eventually(parent, parent.driver().getCurrentUrl(), () -> parent.text().contains("Absence excusée"));
            assertThat(parent.driver().findElements(By.cssSelector("tbody .badge")).stream()
                    .map(e -> e.getText()).toList()).containsExactly("Dû", "Dû", "Absence excusée, non facturé");

            // month end, from the console
            Billing.issueInvoices(staff, lastMonth);

            // the parent reads the invoice and downloads it
            Pages.eventually(parent, Portal.GATEWAY + "/ma-facturation", () -> parent.text().contains("FAC-"));
            assertThat(parent.text()).contains("5,20"); // two days due at 2,60 €, the excused one free
            String pdfUrl = parent.find(By.cssSelector("#factures ~ .table-wrapper a[href$='/pdf']"))
                    .getAttribute("href");
            HttpResponse<byte[]> pdf = download(parent, pdfUrl);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            assertThat(download(parent, pdfUrl).body()).isEqualTo(pdf.body()); // never changes

            // finance staff (here the administrator) correct a day with a credit note
            staff.open(Portal.GATEWAY + "/admin/facturation/familles/" + camille.familyId());
            staff.submit(By.cssSelector("#factures ~ .table-wrapper tbody th a"));
            staff.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(staff.find(By.id("reason-error")).getText()).contains("Le motif de l'avoir est obligatoire.");
            staff.type("quantities-0-", "1").type("reason", "Journée comptée deux fois");
            staff.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(staff.text()).contains("Avoir AV-");
            Pages.eventually(parent, Portal.GATEWAY + "/ma-facturation", () -> parent.text().contains("Avoir AV-"));
            assertThat(parent.pagesVisited()).hasSizeGreaterThan(5);
        }
    }

    /** The PDF as the browser would download it, with the parent's session. */
    static HttpResponse<byte[]> download(Browser browser, String url) throws Exception {
        Cookie session = browser.driver().manage().getCookieNamed("MARELLE_SESSION");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .header("Cookie", "MARELLE_SESSION=" + session.getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
