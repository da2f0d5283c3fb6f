package fr.marelle.systemtests;

import fr.marelle.systemtests.portal.ActiveParent;
import fr.marelle.systemtests.portal.Browser;
import fr.marelle.systemtests.portal.Children;
import fr.marelle.systemtests.portal.Pages;
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

    @Test
    void a_parent_adds_two_children_with_their_documents_and_staff_validate_or_refuse_them() throws Exception {
        String family = familyName();
        String school = "École maternelle " + family;
        try (Browser parent = new Browser(); Browser staff = new Browser()) {
            ActiveParent.open(parent, staff, family); // leaves the administrator logged in on `staff`

            // --- the administrator: a school, the health sheet's blank form --------------------------------------
            Children.openSchool(staff, school);

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
            Children.awaitSchoolInTheList(parent, school);
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
            parent.type("birthDate", Children.bornForSchoolAge(9));
            parent.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(parent.find(By.id("birthDate-error")).getText())
                    .contains("L'âge de l'enfant ne correspond pas à cette école");
            assertThat(parent.find(By.id("firstName")).getAttribute("value")).as("what was typed is kept")
                    .isEqualTo("Léa");
            parent.open(Portal.GATEWAY + "/vos-enfants");
            assertThat(parent.text()).as("nothing stored").contains("Vous n'avez encore enregistré aucun enfant.");

            String lea = Children.add(parent, "Léa", family, Children.bornForSchoolAge(4), school);
            byte[] photo = TestDocuments.jpegWithGps(300, 400);
            assertThat(TestDocuments.hasExif(photo)).as("the photo sent has its EXIF and GPS").isTrue();
            Children.upload(parent, TestDocuments.file("IMG_2041.jpg", photo));
            assertThat(parent.text()).contains("La photo de Léa est enregistrée.");
            String hugo = Children.add(parent, "Hugo", family, Children.bornForSchoolAge(5), school);
            Children.upload(parent, TestDocuments.file("photo-hugo.jpg", TestDocuments.jpegWithGps(240, 320)));

            parent.open(Portal.GATEWAY + "/vos-enfants/" + lea + "/documents/SCHOOL_INSURANCE");
            Children.upload(parent, TestDocuments.file("assurance-" + family + ".pdf",
                    TestDocuments.pdf("Attestation d'assurance scolaire")));
            assertThat(parent.text()).contains("L'attestation d'assurance de Léa est envoyée");

            parent.open(Portal.GATEWAY + "/vos-enfants/" + hugo + "/documents/SCHOOL_INSURANCE");
            Children.upload(parent, TestDocuments.file("assurance-hugo.pdf", TestDocuments.text("Ceci n'est pas un PDF.")));
            assertThat(parent.driver().getCurrentUrl()).contains("/documents/SCHOOL_INSURANCE");
            assertThat(parent.find(By.id("file-error")).getText())
                    .contains("Seuls les fichiers PDF, JPEG et PNG sont acceptés");
            assertThat(parent.find(By.id("file")).getAttribute("aria-invalid")).isEqualTo("true");

            // the list: photos, and the photo as it is served has no EXIF (no GPS position)
            Pages.showing(parent, Portal.GATEWAY + "/vos-enfants", "Hugo " + family, "Léa " + family);
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
            Children.sendFamilyDocument(parent, "HEALTH_SHEET", TestDocuments.file("fiche-" + family + ".pdf",
                    TestDocuments.pdf("Fiche sanitaire")));
            Pages.showing(parent, Portal.GATEWAY + "/mes-documents", "En attente de validation");
            assertThat(documentItem(parent, "Fiche sanitaire").getText()).contains("En attente de validation");

            // --- the administrator reviews: the insurance validated, the health sheet refused -------------------
            staff.open(Portal.GATEWAY + "/admin/documents");
            WebElement insurance = Children.reviewItem(staff, "assurance-" + family + ".pdf");
            staff.submit(By.xpath(Children.reviewXpath("assurance-" + family + ".pdf")
                    + "//form[contains(@action, '/validation')]//button"));
            assertThat(staff.text()).contains("Le document est validé");
            assertThat(insurance).isNotNull();

            Children.reviewItem(staff, "fiche-" + family + ".pdf");
            String refusal = Children.reviewXpath("fiche-" + family + ".pdf") + "//form[contains(@action, '/refus')]";
            staff.submit(By.xpath(refusal + "//button"));
            WebElement reason = staff.find(By.xpath(refusal + "//textarea"));
            assertThat(reason.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(staff.find(By.id(reason.getAttribute("id") + "-error")).getText())
                    .contains("Le motif du refus est obligatoire");
            reason.sendKeys("La fiche n'est pas signée.");
            staff.submit(By.xpath(refusal + "//button"));
            assertThat(staff.text()).contains("Le document est refusé");

            // --- the parent sees both states change ------------------------------------------------------------
            Pages.showing(parent, Portal.GATEWAY + "/mes-documents", "Motif : La fiche n'est pas signée.");
            assertThat(documentItem(parent, "Fiche sanitaire").getText()).contains("Refusé");
            Pages.showing(parent, Portal.GATEWAY + "/vos-enfants", "Validé jusqu'au 31/08/");
            WebElement leaCard = parent.find(By.xpath("//li[contains(@class,'child-card')][.//h2[contains(., 'Léa')]]"));
            assertThat(leaCard.getText()).contains("Attestation d'assurance scolaire").contains("Validé");
            WebElement hugoCard = parent.find(By.xpath("//li[contains(@class,'child-card')][.//h2[contains(., 'Hugo')]]"));
            assertThat(hugoCard.getText()).contains("À fournir");
            assertThat(parent.pagesVisited().size() + staff.pagesVisited().size()).isGreaterThan(20);
        }
    }

    private static WebElement documentItem(Browser parent, String title) {
        return parent.find(By.xpath("//li[contains(@class,'document-item')][.//h3[normalize-space()='" + title
                + "']]"));
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
