package fr.marelle.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import fr.marelle.systemtests.portal.ActiveParent;
import fr.marelle.systemtests.portal.Billing;
import fr.marelle.systemtests.portal.Broker;
import fr.marelle.systemtests.portal.Browser;
import fr.marelle.systemtests.portal.Children;
import fr.marelle.systemtests.portal.Mailbox;
import fr.marelle.systemtests.portal.Pages;
import fr.marelle.systemtests.portal.PlanningFacts;
import fr.marelle.systemtests.portal.Portal;
import fr.marelle.systemtests.portal.StaffSession;
import fr.marelle.systemtests.portal.TestDocuments;
import fr.marelle.systemtests.portal.Wallets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8's audit scenario on the whole portal, in real browsers with an axe-core check of every page: a family
 * registers, adds two children whose documents staff validate, books a month of canteen and a week of evening
 * daycare through the planning pages, tops the wallet up by card through the payment sandbox; last month's registers
 * settle its days, staff issue last month's invoices, and the debits take the wallet below its 15,00 € threshold, so
 * an alert reaches the SMTP server and the local SMS gateway. Then, as an auditor created by the administrator: the
 * family's timeline across the six services (who did what, the flows from a booking to its charge and from a register
 * to the debit and the alert), filtered and exported; the wallet as of three instants of the scenario, against what
 * the parent's page showed then; every read model of every service rebuilt without a difference; every hash chain
 * intact, then one of this family's stored events altered in wallet-service's database, found at that event, and put
 * back. Last, the staff console's dashboard and this family's file, every feature's tiles and sections there.
 *
 * <p>Last month's days come from planning's facts published on the portal's broker in their contract's shape, as
 * {@link BillingJourneyIT} explains: booking through planning's pages is only possible for days to come, a register only
 * exists for a day that came, and a month's invoices are only issued once the month is over.
 */
@ExtendWith(Portal.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditScenarioIT {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SERVICES = List.of("accounts", "children", "planning", "billing", "wallet",
            "notification");
    static final String AUDITOR_PASSWORD = "Registre-des-Comptes-2026!";

    /** What the parent's wallet page showed at an instant of the scenario (to the second, Paris time). */
    record Snapshot(String moment, LocalDateTime at, Map<String, String> figures) {
        Instant instant() {
            return at.atZone(PARIS).toInstant();
        }
    }

    private Browser parent;
    private Browser staff;
    private Browser auditor;
    private Broker kafka;
    private ActiveParent account;
    private String family;
    private String familyId;
    private String mobile;
    private String lea;
    private String hugo;
    /** The flow of the register that took the wallet below its threshold. */
    private final String alertFlow = "scenario-" + UUID.randomUUID();
    private final List<Snapshot> snapshots = new ArrayList<>();

    @BeforeAll
    void theFamilysMonth() {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are needed (apt-get install chromium "
                + "chromium-driver)");
        parent = new Browser();
        staff = new Browser();
        auditor = new Browser();
        kafka = new Broker();
        Random random = new Random();
        family = "Audit" + random.ints(5, 'a', 'z' + 1).mapToObj(c -> String.valueOf((char) c))
                .collect(Collectors.joining());
        mobile = "06 " + String.format("%02d %02d %02d %02d", random.nextInt(100), random.nextInt(100),
                random.nextInt(100), random.nextInt(100));

        // a family registers; the administrator activates it (and stays logged in on `staff`)
        account = ActiveParent.open(parent, staff, family, mobile);
        staff.open(Portal.GATEWAY + "/admin/familles?q=" + account.email());
        String href = staff.find(By.cssSelector("tbody a[href*='/admin/familles/']")).getAttribute("href");
        familyId = href.substring(href.lastIndexOf('/') + 1);
        assertThat(familyId).hasSize(36);

        // the town's tariffs for the canteen and the evening daycare, in force since the start of last month
        YearMonth lastMonth = YearMonth.now(PARIS).minusMonths(1);
        Billing.enterTariff(staff, "canteen", lastMonth.atDay(1), "800", "1,90", "2,60");
        Billing.enterTariff(staff, "evening-daycare", lastMonth.atDay(1), "800", "1,50", "2,00");

        // two children, each with a photo and an insurance attestation, and the family's health sheet
        String school = "École maternelle " + family;
        Children.openSchool(staff, school);
        lea = Children.add(parent, "Léa", family, Children.bornForSchoolAge(4), school);
        Children.upload(parent, TestDocuments.file("photo-lea.jpg", TestDocuments.jpegWithGps(300, 400)));
        assertThat(parent.text()).contains("La photo de Léa est enregistrée.");
        hugo = Children.add(parent, "Hugo", family, Children.bornForSchoolAge(5), school);
        Children.upload(parent, TestDocuments.file("photo-hugo.jpg", TestDocuments.jpegWithGps(240, 320)));
        Children.sendChildDocument(parent, lea, "SCHOOL_INSURANCE", TestDocuments.file("assurance-lea-" + family
                + ".pdf", TestDocuments.pdf("Attestation d'assurance scolaire")));
        Children.sendChildDocument(parent, hugo, "SCHOOL_INSURANCE", TestDocuments.file("assurance-hugo-" + family
                + ".pdf", TestDocuments.pdf("Attestation d'assurance scolaire")));
        Children.sendFamilyDocument(parent, "HEALTH_SHEET", TestDocuments.file("fiche-" + family + ".pdf",
                TestDocuments.pdf("Fiche sanitaire")));

        // staff validate what makes them bookable
        Children.approve(staff, "assurance-lea-" + family + ".pdf");
        Children.approve(staff, "assurance-hugo-" + family + ".pdf");
        Children.approve(staff, "fiche-" + family + ".pdf");

        // a month of canteen and a week of evening daycare, through the planning pages, for both children
        Pages.eventually(parent, Portal.GATEWAY + "/planification/canteen", () -> parent.text().contains("Léa "
                + family) && parent.text().contains("Hugo " + family)
                && !parent.text().contains("Pas encore réservable"));
        LocalDate monday = LocalDate.now(PARIS).plusWeeks(2).with(TemporalAdjusters.nextOrSame(
                java.time.DayOfWeek.MONDAY));
        book(parent, "canteen", monday, monday.plusWeeks(4).minusDays(3));
        book(parent, "evening-daycare", monday, monday.plusDays(4));
        Pages.eventually(parent, Portal.GATEWAY + "/porte-monnaie",
                () -> Wallets.cents(Wallets.figures(parent).get("À venir")) > 0);

        // a top-up by card through the payment sandbox
        Wallets.topUpByCard(parent, "20,00");
        snapshot("after the top-up", 2000);

        // last month: Léa's first day, then both children's second day; the registers settle them
        List<LocalDate> days = Billing.schoolDays(lastMonth, 2);
        Instant submittedAt = lastMonth.atDay(1).atStartOfDay(PARIS).toInstant();
        List<PlanningFacts.Booking> first = PlanningFacts.submitted(kafka, familyId, "canteen", List.of(lea),
                List.of(days.get(0)), submittedAt);
        List<PlanningFacts.Booking> second = PlanningFacts.submitted(kafka, familyId, "canteen", List.of(lea, hugo),
                List.of(days.get(1)), submittedAt);
        PlanningFacts.settled(kafka, "canteen", days.get(0), first, "PRESENT", "scenario-" + UUID.randomUUID());
        snapshot("after the first debit", 1740); // 2,60 €: the top bracket, no QF attestation validated
        PlanningFacts.settled(kafka, "canteen", days.get(1), second, "PRESENT", alertFlow);

        // below 15,00 € at the first of its two charges (14,80 €, then 12,20 €): an email and an SMS, once
        JsonNode mail = Mailbox.awaitMail(account.email(), "Porte-monnaie : solde bas");
        assertThat(mail.path("subject").asText()).contains("14,80");
        JsonNode sms = awaitSms(mobile.replace(" ", "").substring(1));
        assertThat(sms.path("text").asText()).contains("14,80", "15,00", "/porte-monnaie");
        snapshot("after the alert", 1220);

        // month end: staff issue last month's invoices from the console; the parent reads the invoice
        Billing.issueInvoices(staff, lastMonth);
        Pages.eventually(parent, Portal.GATEWAY + "/ma-facturation", () -> parent.text().contains("FAC-"));
        assertThat(parent.text()).contains("7,80"); // three days due at 2,60 €

        // an auditor, created by the administrator
        String auditorEmail = "auditeur." + UUID.randomUUID().toString().substring(0, 8) + "@vincey.test";
        staff.open(Portal.GATEWAY + "/admin/personnel/nouveau");
        staff.type("email", auditorEmail).type("firstName", "Aude").type("lastName", "Contrôle");
        staff.click(By.cssSelector("input[name=role][value=AUDITOR]"));
        staff.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(staff.text()).contains("Une invitation a été envoyée à " + auditorEmail);
        auditor.open(Mailbox.linkIn(Mailbox.awaitMail(auditorEmail, "Votre compte d'agent")));
        auditor.type("password", AUDITOR_PASSWORD).type("passwordConfirmation", AUDITOR_PASSWORD);
        auditor.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(auditor.text()).contains("Votre compte est prêt");
        StaffSession.logIn(auditor, auditorEmail, AUDITOR_PASSWORD);
    }

    @AfterAll
    void closeBrowsers() {
        for (AutoCloseable closeable : new AutoCloseable[]{parent, staff, auditor, kafka}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.err.println("Could not close " + closeable + ": " + e.getMessage());
            }
        }
    }

    @Test
    @Order(1)
    void the_familys_timeline_shows_every_services_facts_who_did_them_and_the_flows_that_tie_them() throws Exception {
        List<Row> all = timeline("subject=" + familyId);
        assertThat(all.stream().map(Row::service).collect(Collectors.toSet()))
                .as("facts of every service").containsAll(SERVICES);
        assertThat(all).anyMatch(r -> r.service().equals("accounts") && r.who().startsWith("Administrateur"));
        assertThat(all).anyMatch(r -> r.service().equals("children") && r.type().endsWith("ChildRegistered")
                && r.who().startsWith("Parent"));
        assertThat(all).anyMatch(r -> r.service().equals("children") && r.who().startsWith("Administrateur"));
        assertThat(all).anyMatch(r -> r.service().equals("planning") && r.who().startsWith("Parent"));
        assertThat(all).anyMatch(r -> r.service().equals("wallet") && r.type().endsWith("ChargeDebited")
                && r.who().startsWith("Système"));

        // the register that went below the threshold: its charges, debits, the alert and the messages, one flow
        Row low = all.stream().filter(r -> r.type().endsWith("LowBalanceCrossed")).findFirst().orElseThrow();
        assertThat(low.correlation()).isEqualTo(alertFlow);
        List<Row> flow = timeline("flow=" + alertFlow + "&follow=false");
        assertThat(flow).allMatch(r -> alertFlow.equals(r.correlation()));
        assertThat(flow.stream().map(r -> r.service() + ":" + r.type().substring(r.type().lastIndexOf('.') + 1))
                .collect(Collectors.toSet())).contains("billing:ChargesSettled", "wallet:ChargeDebited",
                "wallet:LowBalanceCrossed").anyMatch(t -> t.startsWith("notification:"));

        // a booking made on the planning pages: the order and charges it led to, and the wallet's reservation
        Set<String> bookingFlows = all.stream().filter(r -> r.service().equals("planning")
                && r.type().endsWith("BookingsRecorded")).map(Row::correlation).collect(Collectors.toSet());
        assertThat(bookingFlows).isNotEmpty();
        assertThat(all).anyMatch(r -> r.service().equals("billing") && bookingFlows.contains(r.correlation()));
        assertThat(all).anyMatch(r -> r.service().equals("wallet") && bookingFlows.contains(r.correlation()));

        // filters narrow it: a kind, then an author
        List<Row> debits = timeline("subject=" + familyId + "&kind=ChargeDebited&follow=false");
        assertThat(debits).hasSize(3).allMatch(r -> r.type().endsWith("ChargeDebited"));
        List<Row> byParent = timeline("subject=" + familyId + "&role=PARENT&follow=false");
        assertThat(byParent).isNotEmpty().hasSizeLessThan(all.size()).allMatch(r -> r.who().startsWith("Parent"));

        // the exports hold the page's rows
        auditor.open(Portal.GATEWAY + "/audit/historique?subject=" + familyId);
        String csvHref = auditor.find(By.cssSelector("a[href*='/audit/historique.csv']")).getAttribute("href");
        String jsonHref = auditor.find(By.cssSelector("a[href*='/audit/historique.json']")).getAttribute("href");
        JsonNode json = JSON.readTree(download(auditor, jsonHref, "application/json"));
        List<String> jsonIds = new ArrayList<>();
        json.forEach(e -> jsonIds.add(e.path("eventId").asText()));
        String csvText = new String(download(auditor, csvHref, "text/csv"), StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<Map<String, String>> csvRows;
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csvText)) {
            csvRows = rows.readAll();
        }
        assertThat(jsonIds).hasSize(all.size()).containsExactlyInAnyOrderElementsOf(all.stream().map(Row::eventId)
                .toList());
        List<String> jsonRows = new ArrayList<>();
        json.forEach(e -> jsonRows.add(e.path("eventId").asText() + " " + e.path("service").asText() + " "
                + e.path("type").asText() + " " + e.path("correlationId").asText("")));
        assertThat(csvRows.stream().map(r -> r.get("eventId") + " " + r.get("service") + " " + r.get("type") + " "
                + r.get("correlationId")).toList()).containsExactlyElementsOf(jsonRows);
        assertThat(csvRows.stream().filter(r -> r.get("type").endsWith("LowBalanceCrossed"))
                .map(r -> r.get("correlationId")).toList()).containsExactly(alertFlow);
    }

    @Test
    @Order(2)
    void the_wallet_as_of_three_instants_is_what_the_parent_saw_then() {
        assertThat(snapshots).hasSize(3);
        auditor.open(Portal.GATEWAY + "/audit/etat");
        auditor.type("family", familyId);
        for (int i = 0; i < snapshots.size(); i++) {
            Pages.setValue(auditor, "at-" + (i + 1), snapshots.get(i).at().toString());
        }
        auditor.submit(By.cssSelector("main form button[type=submit]"));
        for (Snapshot snapshot : snapshots) {
            WebElement state = auditor.find(By.cssSelector("section[data-view='wallet/wallet'][data-at='"
                    + snapshot.instant() + "']"));
            assertThat(figure(state, "mainBalanceCents")).as("Solde " + snapshot.moment())
                    .isEqualTo(Wallets.cents(snapshot.figures().get("Solde")));
            assertThat(figure(state, "upcomingMainCents")).as("À venir " + snapshot.moment())
                    .isEqualTo(Wallets.cents(snapshot.figures().get("À venir")));
            assertThat(figure(state, "cesuBalanceCents")).as("Solde mercredi récréatif " + snapshot.moment())
                    .isEqualTo(Wallets.cents(snapshot.figures().get("Solde mercredi récréatif")));
            assertThat(figure(state, "upcomingCesuCents")).as("À venir mercredi récréatif " + snapshot.moment())
                    .isEqualTo(Wallets.cents(snapshot.figures().get("À venir mercredi récréatif")));
        }
    }

    @Test
    @Order(3)
    void every_read_model_of_every_service_rebuilds_identically() {
        auditor.open(Portal.GATEWAY + "/audit/modeles");
        Set<String> readModels = auditor.driver().findElements(By.cssSelector("#modeles tbody form input[name=target]"))
                .stream().map(e -> e.getAttribute("value")).collect(Collectors.toSet());
        assertThat(readModels.stream().map(t -> t.substring(0, t.indexOf('/'))).collect(Collectors.toSet()))
                .containsAll(SERVICES);
        assertThat(auditor.driver().findElements(By.cssSelector("[role=alert]"))).as("every service answered")
                .isEmpty();
        auditor.submit(By.xpath("//form[input[@name='target'][@value='all']]//button"));
        List<WebElement> tables = auditor.driver().findElements(By.cssSelector("#resultats-rejeu tbody tr"));
        assertThat(tables.stream().map(t -> t.getAttribute("data-read-model")).collect(Collectors.toSet()))
                .isEqualTo(readModels);
        assertThat(tables.stream().filter(t -> !"true".equals(t.getAttribute("data-identical")))
                .map(WebElement::getText).toList()).as("read models that differ").isEmpty();
        assertThat(auditor.find(By.cssSelector(".alert--success[role=status]")).getText()).contains(
                String.valueOf(readModels.size()));
    }

    @Test
    @Order(4)
    void every_chain_is_intact_and_an_altered_event_of_the_family_breaks_it_at_that_event() throws Exception {
        verifyChains("", true);
        try (Connection wallet = Portal.running().database("wallet")) {
            String eventId;
            String aggregate;
            byte[] original;
            try (PreparedStatement find = wallet.prepareStatement("""
                    SELECT event_identifier, aggregate_identifier, payload FROM domain_event_entry
                    WHERE family_id = ? AND payload_type LIKE '%WalletCredited' ORDER BY global_index LIMIT 1""")) {
                find.setString(1, familyId);
                try (ResultSet row = find.executeQuery()) {
                    assertThat(row.next()).as("the family's credit in the wallet's store").isTrue();
                    eventId = row.getString(1);
                    aggregate = row.getString(2);
                    original = row.getBytes(3);
                }
            }
            String payload = new String(original, StandardCharsets.UTF_8);
            assertThat(payload).contains("2000");
            try {
                // someone with access to the database makes the top-up 90,00 € instead of 20,00 €
                try (PreparedStatement alter = wallet.prepareStatement(
                        "UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?")) {
                    alter.setBytes(1, payload.replace("2000", "9000").getBytes(StandardCharsets.UTF_8));
                    alter.setString(2, eventId);
                    assertThat(alter.executeUpdate()).isEqualTo(1);
                }
                verifyChains("wallet", false);
                WebElement report = auditor.find(By.cssSelector("section[data-service='wallet']"));
                assertThat(report.getAttribute("data-intact")).isEqualTo("false");
                List<WebElement> breaks = report.findElements(By.cssSelector("tr.chain-break"));
                assertThat(breaks).hasSize(1);
                assertThat(breaks.get(0).getText()).contains(aggregate, eventId,
                        "Le contenu ne correspond plus à son empreinte");
            } finally {
                try (PreparedStatement restore = wallet.prepareStatement(
                        "UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?")) {
                    restore.setBytes(1, original);
                    restore.setString(2, eventId);
                    restore.executeUpdate();
                }
            }
        }
        verifyChains("", true);
    }

    @Test
    @Order(5)
    void the_console_dashboard_and_the_familys_file_show_every_feature_with_this_familys_data() {
        staff.open(Portal.GATEWAY + "/admin");
        assertThat(staff.driver().findElements(By.xpath("//*[contains(@class,'alert--warning')]")))
                .as("no feature unavailable on the dashboard").isEmpty();
        Set<String> tiles = staff.driver().findElements(By.cssSelector("li.tile")).stream()
                .map(t -> t.getAttribute("data-tile")).collect(Collectors.toSet());
        assertThat(tiles).contains("awaiting", "documentsToReview", "occupancyToday", "occupancyWeek", "waitlists",
                "overdrawnWallets", "failedMessages");

        staff.open(Portal.GATEWAY + "/admin/familles/" + familyId);
        assertThat(staff.driver().findElements(By.xpath("//*[contains(@class,'alert--warning')]")))
                .as("no section of the family file unavailable").isEmpty();
        assertThat(staff.find(By.tagName("main")).getText()).contains(account.email());
        Map<String, String> sections = staff.driver().findElements(By.cssSelector("section.family-section")).stream()
                .collect(Collectors.toMap(s -> s.getAttribute("aria-labelledby"), WebElement::getText));
        assertThat(sections).containsKeys("enfants", "reservations", "commandes-factures", "porte-monnaie",
                "messages", "notifications");
        assertThat(sections.get("enfants")).contains("Léa", "Hugo");
        assertThat(sections.get("commandes-factures")).contains("FAC-");
        assertThat(sections.get("porte-monnaie")).contains("12,20");
        assertThat(sections.get("messages")).contains(account.email()).doesNotContain("ne peuvent pas être affichés");
        assertThat(sections.get("notifications")).isNotBlank();
    }

    // ---- the scenario's steps

    /** Books the service for every child from one day to another through the planning pages: summary, confirmation. */
    private static void book(Browser parent, String service, LocalDate from, LocalDate to) {
        parent.open(Portal.GATEWAY + "/planification/" + service);
        Pages.setValue(parent, "from", from.toString());
        Pages.setValue(parent, "to", to.toString());
        parent.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(parent.find(By.tagName("h1")).getText()).isEqualTo("Récapitulatif avant confirmation");
        assertThat(parent.text()).contains("Léa : ", "Hugo : ");
        parent.submit(By.xpath("//main//button[contains(., 'Confirmer la réservation')]"));
        assertThat(parent.text()).contains("Votre demande est enregistrée");
    }

    /**
     * Waits until the parent's wallet page shows the balance, records its four figures at the next whole second
     * (what the audit console is asked about), and lets that second pass before the scenario goes on.
     */
    private void snapshot(String moment, long balanceCents) {
        Pages.eventually(parent, Portal.GATEWAY + "/porte-monnaie",
                () -> Wallets.cents(Wallets.figures(parent).get("Solde")) == balanceCents);
        // the figures no longer move (a reservation or a debit may still be on its way)
        AtomicReference<Map<String, String>> last = new AtomicReference<>(Wallets.figures(parent));
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    parent.driver().navigate().refresh();
                    Map<String, String> again = Wallets.figures(parent);
                    return again.equals(last.getAndSet(again));
                });
        Map<String, String> figures = last.get();
        LocalDateTime at = LocalDateTime.now(PARIS).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        snapshots.add(new Snapshot(moment, at, figures));
        await().atMost(Duration.ofSeconds(5)).until(() -> LocalDateTime.now(PARIS).isAfter(at.plusSeconds(1)));
    }

    /** The newest SMS the local SMS gateway received for a number (its last nine digits), waiting for it. */
    private static JsonNode awaitSms(String nineDigits) {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode messages = JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:8026/messages.json")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode sms : messages) {
                if (sms.path("to").asText().replaceAll("\\D", "").endsWith(nineDigits)
                        && sms.path("text").asText().contains("sous votre seuil")) {
                    found[0] = sms;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    // ---- the audit console as the auditor reads it

    /** One row of the timeline's table. */
    record Row(String service, String type, String who, String correlation, String eventId) {
    }

    private List<Row> timeline(String query) {
        auditor.open(Portal.GATEWAY + "/audit/historique?" + query);
        assertThat(auditor.driver().findElements(By.cssSelector("[role=alert]"))).as("every service answered")
                .isEmpty();
        List<Row> rows = new ArrayList<>();
        for (WebElement tr : auditor.driver().findElements(By.cssSelector("#chronologie tbody tr"))) {
            List<WebElement> cells = tr.findElements(By.tagName("td"));
            List<WebElement> flow = cells.get(5).findElements(By.tagName("a"));
            rows.add(new Row(tr.getAttribute("data-service"), tr.getAttribute("data-type"),
                    cells.get(3).getText(), flow.isEmpty() ? null : flow.get(0).getAttribute("title"),
                    cells.get(2).findElement(By.cssSelector("dl.details dd:nth-of-type(3) code"))
                            .getAttribute("textContent")));
        }
        return rows;
    }

    /** A figure of a state shown by the audit console: the value next to its name, in cents. */
    private static long figure(WebElement state, String name) {
        return Long.parseLong(state.findElement(By.xpath(".//dt[normalize-space()='" + name
                + "']/following-sibling::dd[1]")).getText().strip());
    }

    private void verifyChains(String service, boolean intact) {
        auditor.open(Portal.GATEWAY + "/audit/chaines?verifier=1&service=" + service);
        List<WebElement> reports = auditor.driver().findElements(By.cssSelector("section[data-service]"));
        assertThat(reports).hasSize(service.isEmpty() ? SERVICES.size() : 1);
        Set<String> broken = new HashSet<>();
        reports.stream().filter(r -> !"true".equals(r.getAttribute("data-intact")))
                .forEach(r -> broken.add(r.getAttribute("data-service") + ": " + r.getText()));
        if (intact) {
            assertThat(broken).as("chains with a break").isEmpty();
            assertThat(auditor.find(By.id("verdict")).getAttribute("class")).contains("alert--success");
        } else {
            assertThat(broken).isNotEmpty();
            assertThat(auditor.find(By.id("verdict")).getAttribute("class")).contains("alert--error");
        }
    }

    /** An export as the browser would download it, with the auditor's session. */
    private static byte[] download(Browser browser, String url, String type) throws Exception {
        Cookie session = browser.driver().manage().getCookieNamed("MARELLE_SESSION");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "MARELLE_SESSION=" + session.getValue()).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(type);
        return response.body();
    }
}
