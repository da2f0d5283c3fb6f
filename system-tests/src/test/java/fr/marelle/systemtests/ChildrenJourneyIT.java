package fr.marelle.systemtests;

import fr.marelle.systemtests.portal.ActiveParent;
import fr.marelle.systemtests.portal.Browser;
import fr.marelle.systemtests.portal.Portal;
import fr.marelle.systemtests.portal.TestDocuments;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Screens 10 to 15 in a real browser, with an axe-core check of every page: an administrator opens a school and
 * publishes the health sheet's blank form; an active parent adds two children (bad input first: French messages next
 * to the fields, nothing stored), sends a phone photo (served without its GPS position), a PDF insurance attestation,
 * a text file renamed .pdf (refused with a clear message) and the family's health sheet, and follows their states;
 * the administrator validates one document and refuses another with a reason; the parent sees both change.
 */
@ExtendWith(Portal.Extension.class)
class ChildrenJourneyIT {

    @BeforeAll
    static void browserAvailable() {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are needed (apt-get install chromium "
                + "chromium-driver)");
    }

    /** A family name of this run only, so that its documents are found in a queue other journeys share. */
    static String familyName() {
        Random random = new Random();
        StringBuilder name = new StringBuilder("Vasseur");
        for (int i = 0; i < 5; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    /** A birth date giving the child this school age for the current school year (dd/mm/yyyy). */
    static String bornForSchoolAge(int age) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        int startYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        return "14/03/" + (startYear - age);
    }

    @Test
    void a_parent_adds_two_children_with_their_documents_and_staff_validate_or_refuse_them() throws Exception {
        String family = familyName();
        String school = "École maternelle " + family;
        try (Browser parent = new Browser(); Browser staff = new Browser()) {
            ActiveParent.open(parent, staff, family); // leaves the administrator logged in on `staff`

            // --- the administrator: a school, the health sheet's blank form --------------------------------------
            staff.open(Portal.GATEWAY + "/admin/ecoles");
            staff.type("name", school).type("minAge", "3").type("maxAge", "6");
            staff.submit(By.cssSelector("form[action$='/admin/ecoles'] button[type=submit]"));
            assertThat(staff.text()).contains("L'école est ouverte");

            staff.open(Portal.GATEWAY + "/admin/types-de-documents");
            assertThat(staff.text()).contains("Fiche sanitaire").contains("Photo d'identité");
            staff.open(Portal.GATEWAY + "/admin/types-de-documents/nouveau");
            staff.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(staff.find(By.id("title-error")).getText()).contains("Le titre est obligatoire.");
            assertThat(staff.find(By.id("scope-error")).getText()).contains("Choisissez si le document concerne");
            staff.open(Portal.GATEWAY + "/admin/types-de-documents/HEALTH_SHEET");
            staff.find(By.id("file")).sendKeys(TestDocuments.file("fiche-sanitaire-vierge.pdf",
                    TestDocuments.pdf("Fiche sanitaire de liaison")));
            staff.submit(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"));
            assertThat(staff.text()).contains("Le formulaire est publié");

            // --- the parent: two children, bad input first ------------------------------------------------------
            parent.open(Portal.GATEWAY + "/vos-enfants");
            assertThat(parent.text()).contains("Vous n'avez encore enregistré aucun enfant.");
            parent.open(Portal.GATEWAY + "/vos-enfants/nouveau");
            awaitSchoolInTheList(parent, school);
            parent.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(parent.find(By.id("erreurs")).getText()).isNotBlank();
            assertThat(parent.find(By.id("firstName-error")).getText()).contains("Le prénom est obligatoire.");
            assertThat(parent.find(By.id("birthDate-error")).getText()).contains("La date de naissance est obligatoire.");
            assertThat(parent.find(By.id("schoolId-error")).getText()).contains("L'école est obligatoire.");
            assertThat(parent.find(By.id("firstName")).getAttribute("aria-invalid")).isEqualTo("true");

            parent.type("firstName", "Léa").type("lastName", family).type("birthDate", "31/02/2022")
                    .type("dietComment", "Sans porc");
            new Select(parent.find(By.id("schoolId"))).selectByVisibleText(school);
            parent.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(parent.find(By.id("birthDate-error")).getText()).contains("Cette date n'existe pas.");
            parent.type("birthDate", bornForSchoolAge(9));
            parent.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(parent.find(By.id("birthDate-error")).getText())
                    .contains("L'âge de l'enfant ne correspond pas à cette école");
            assertThat(parent.find(By.id("firstName")).getAttribute("value")).as("what was typed is kept")
                    .isEqualTo("Léa");
            parent.open(Portal.GATEWAY + "/vos-enfants");
            assertThat(parent.text()).as("nothing stored").contains("Vous n'avez encore enregistré aucun enfant.");

            String lea = addChild(parent, "Léa", family, bornForSchoolAge(4), school);
            byte[] photo = TestDocuments.jpegWithGps(300, 400);
            assertThat(TestDocuments.hasExif(photo)).as("the photo sent has its EXIF and GPS").isTrue();
            upload(parent, TestDocuments.file("IMG_2041.jpg", photo));
            assertThat(parent.text()).contains("La photo de Léa est enregistrée.");
            String hugo = addChild(parent, "Hugo", family, bornForSchoolAge(5), school);
            upload(parent, TestDocuments.file("photo-hugo.jpg", TestDocuments.jpegWithGps(240, 320)));

            parent.open(Portal.GATEWAY + "/vos-enfants/" + lea + "/documents/SCHOOL_INSURANCE");
            upload(parent, TestDocuments.file("assurance-" + family + ".pdf",
                    TestDocuments.pdf("Attestation d'assurance scolaire")));
            assertThat(parent.text()).contains("L'attestation d'assurance de Léa est envoyée");

            parent.open(Portal.GATEWAY + "/vos-enfants/" + hugo + "/documents/SCHOOL_INSURANCE");
            upload(parent, TestDocuments.file("assurance-hugo.pdf", TestDocuments.text("Ceci n'est pas un PDF.")));
            assertThat(parent.driver().getCurrentUrl()).contains("/documents/SCHOOL_INSURANCE");
            assertThat(parent.find(By.id("file-error")).getText())
                    .contains("Seuls les fichiers PDF, JPEG et PNG sont acceptés");
            assertThat(parent.find(By.id("file")).getAttribute("aria-invalid")).isEqualTo("true");

            // the list: photos, and the photo as it is served has no EXIF (no GPS position)
            awaitOnPage(parent, Portal.GATEWAY + "/vos-enfants", "Hugo " + family, "Léa " + family);
            WebElement leaPhoto = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        parent.driver().navigate().refresh();
                        return parent.driver().findElements(By.cssSelector(".child-card img[alt='Photo de Léa']"));
                    }, images -> !images.isEmpty()).get(0);
            byte[] served = download(parent, leaPhoto.getAttribute("src"));
            assertThat(served.length).isPositive();
            assertThat(served[0] & 0xFF).isEqualTo(0xFF);
            assertThat(TestDocuments.hasExif(served)).as("EXIF (GPS) in the photo served").isFalse();

            // "Mes documents": the family's documents, each child's, and the blank form
            parent.open(Portal.GATEWAY + "/mes-documents");
            assertThat(documentItem(parent, "Fiche sanitaire").getText()).contains("À fournir")
                    .contains("Télécharger le formulaire");
            assertThat(parent.text()).contains("Autorisation");
            parent.find(By.id("file-HEALTH_SHEET")).sendKeys(TestDocuments.file("fiche-" + family + ".pdf",
                    TestDocuments.pdf("Fiche sanitaire")));
            parent.submit(By.cssSelector("form[action*='/mes-documents/HEALTH_SHEET'] button[type=submit]"));
            assertThat(parent.text()).contains("Votre document est envoyé");
            awaitOnPage(parent, Portal.GATEWAY + "/mes-documents", "En attente de validation");
            assertThat(documentItem(parent, "Fiche sanitaire").getText()).contains("En attente de validation");

            // --- the administrator reviews: the insurance validated, the health sheet refused -------------------
            staff.open(Portal.GATEWAY + "/admin/documents");
            WebElement insurance = reviewItem(staff, "assurance-" + family + ".pdf");
            staff.submit(By.xpath(reviewXpath("assurance-" + family + ".pdf")
                    + "//form[contains(@action, '/validation')]//button"));
            assertThat(staff.text()).contains("Le document est validé");
            assertThat(insurance).isNotNull();

            reviewItem(staff, "fiche-" + family + ".pdf");
            String refusal = reviewXpath("fiche-" + family + ".pdf") + "//form[contains(@action, '/refus')]";
            staff.submit(By.xpath(refusal + "//button"));
            WebElement reason = staff.find(By.xpath(refusal + "//textarea"));
            assertThat(reason.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(staff.find(By.id(reason.getAttribute("id") + "-error")).getText())
                    .contains("Le motif du refus est obligatoire");
            reason.sendKeys("La fiche n'est pas signée.");
            staff.submit(By.xpath(refusal + "//button"));
            assertThat(staff.text()).contains("Le document est refusé");

            // --- the parent sees both states change ------------------------------------------------------------
            awaitOnPage(parent, Portal.GATEWAY + "/mes-documents", "Motif : La fiche n'est pas signée.");
            assertThat(documentItem(parent, "Fiche sanitaire").getText()).contains("Refusé");
            awaitOnPage(parent, Portal.GATEWAY + "/vos-enfants", "Validé jusqu'au 31/08/");
            WebElement leaCard = parent.find(By.xpath("//li[contains(@class,'child-card')][.//h2[contains(., 'Léa')]]"));
            assertThat(leaCard.getText()).contains("Attestation d'assurance scolaire").contains("Validé");
            WebElement hugoCard = parent.find(By.xpath("//li[contains(@class,'child-card')][.//h2[contains(., 'Hugo')]]"));
            assertThat(hugoCard.getText()).contains("À fournir");
            assertThat(parent.pagesVisited().size() + staff.pagesVisited().size()).isGreaterThan(20);
        }
    }

    /** The school just opened shows in the form's list once children-service's catalogue has it. */
    private static void awaitSchoolInTheList(Browser parent, String school) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            parent.driver().navigate().refresh();
            return parent.find(By.id("schoolId")).getText().contains(school);
        });
    }

    /** Adds a child through the form; its id, from the photo page the parent is sent to. */
    private static String addChild(Browser parent, String firstName, String lastName, String birthDate,
                                   String school) {
        parent.open(Portal.GATEWAY + "/vos-enfants/nouveau");
        parent.type("firstName", firstName).type("lastName", lastName).type("birthDate", birthDate);
        new Select(parent.find(By.id("schoolId"))).selectByVisibleText(school);
        parent.submit(By.cssSelector("main form button[type=submit]"));
        String url = parent.driver().getCurrentUrl();
        assertThat(url).matches(".*/vos-enfants/[0-9a-f-]{36}/documents/PHOTO");
        assertThat(parent.text()).contains(firstName + " est enregistré(e)");
        return url.replaceAll(".*/vos-enfants/([0-9a-f-]{36})/.*", "$1");
    }

    private static void upload(Browser parent, String path) {
        parent.find(By.id("file")).sendKeys(path);
        parent.submit(By.cssSelector("main form[enctype='multipart/form-data'] button[type=submit]"));
    }

    /** Opens the page until it shows every text (read models follow the events a moment later). */
    private static void awaitOnPage(Browser browser, String url, String... texts) {
        browser.open(url);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.driver().navigate().refresh();
            String page = browser.text();
            for (String text : texts) {
                if (!page.contains(text)) {
                    return false;
                }
            }
            return true;
        });
        browser.checked();
    }

    private static WebElement documentItem(Browser parent, String title) {
        return parent.find(By.xpath("//li[contains(@class,'document-item')][.//h3[normalize-space()='" + title
                + "']]"));
    }

    private static String reviewXpath(String fileName) {
        return "//li[contains(@class,'review-item')][.//a[contains(., '" + fileName + "')]]";
    }

    /** The document in the review queue, once it has arrived there. */
    private static WebElement reviewItem(Browser staff, String fileName) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            staff.driver().navigate().refresh();
            return !staff.driver().findElements(By.xpath(reviewXpath(fileName))).isEmpty();
        });
        staff.checked();
        return staff.find(By.xpath(reviewXpath(fileName)));
    }

    /** A file through the gateway, with the browser's session. */
    private static byte[] download(Browser browser, String url) throws IOException, InterruptedException {
        String session = browser.driver().manage().getCookieNamed("MARELLE_SESSION").getValue();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "MARELLE_SESSION=" + session).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/jpeg");
        return response.body();
    }
}
