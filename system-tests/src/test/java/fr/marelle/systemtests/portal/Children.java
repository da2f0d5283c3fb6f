package fr.marelle.systemtests.portal;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Children's steps journeys share: a school opened, a child added with its photo, documents sent and reviewed. */
public final class Children {

    private Children() {
    }

    /** A birth date giving the child this school age for the current school year (dd/mm/yyyy). */
    public static String bornForSchoolAge(int age) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        int startYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        return "14/03/" + (startYear - age);
    }

    /** The administrator opens a school for children of 3 to 6. */
    public static void openSchool(Browser staff, String school) {
        staff.open(Portal.GATEWAY + "/admin/ecoles");
        staff.type("name", school).type("minAge", "3").type("maxAge", "6");
        staff.submit(By.cssSelector("form[action$='/admin/ecoles'] button[type=submit]"));
        assertThat(staff.text()).contains("L'école est ouverte");
    }

    /** The school just opened shows in the form's list once children-service's catalogue has it. */
    public static void awaitSchoolInTheList(Browser parent, String school) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            parent.driver().navigate().refresh();
            return parent.find(By.id("schoolId")).getText().contains(school);
        });
    }

    /** Adds a child through the form; its id, from the photo page the parent is sent to. */
    public static String add(Browser parent, String firstName, String lastName, String birthDate, String school) {
        parent.open(Portal.GATEWAY + "/vos-enfants/nouveau");
        awaitSchoolInTheList(parent, school);
        parent.type("firstName", firstName).type("lastName", lastName).type("birthDate", birthDate);
        new Select(parent.find(By.id("schoolId"))).selectByVisibleText(school);
        parent.submit(By.cssSelector("main form button[type=submit]"));
        String url = parent.driver().getCurrentUrl();
        assertThat(url).matches(".*/vos-enfants/[0-9a-f-]{36}/documents/PHOTO");
        assertThat(parent.text()).contains(firstName + " est enregistré(e)");
        return url.replaceAll(".*/vos-enfants/([0-9a-f-]{36})/.*", "$1");
    }

    /** Sends a file with the upload form of the page the parent is on. */
    public static void upload(Browser parent, String path) {
        parent.find(By.id("file")).sendKeys(path);
        parent.submit(By.cssSelector("main form[enctype='multipart/form-data'] button[type=submit]"));
    }

    /** Sends one of a child's documents (e.g. SCHOOL_INSURANCE) from its page. */
    public static void sendChildDocument(Browser parent, String childId, String kind, String path) {
        parent.open(Portal.GATEWAY + "/vos-enfants/" + childId + "/documents/" + kind);
        upload(parent, path);
    }

    /** Sends one of the family's documents (e.g. HEALTH_SHEET) from "Mes documents". */
    public static void sendFamilyDocument(Browser parent, String kind, String path) {
        parent.open(Portal.GATEWAY + "/mes-documents");
        parent.find(By.id("file-" + kind)).sendKeys(path);
        parent.submit(By.cssSelector("form[action*='/mes-documents/" + kind + "'] button[type=submit]"));
        assertThat(parent.text()).contains("Votre document est envoyé");
    }

    /** Staff validate a document of the review queue, found by its file name once it has arrived there. */
    public static void approve(Browser staff, String fileName) {
        staff.open(Portal.GATEWAY + "/admin/documents");
        reviewItem(staff, fileName);
        staff.submit(By.xpath(reviewXpath(fileName) + "//form[contains(@action, '/validation')]//button"));
        assertThat(staff.text()).contains("Le document est validé");
    }

    public static String reviewXpath(String fileName) {
        return "//li[contains(@class,'review-item')][.//a[contains(., '" + fileName + "')]]";
    }

    /** The document in the review queue, once it has arrived there. */
    public static WebElement reviewItem(Browser staff, String fileName) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            staff.driver().navigate().refresh();
            return !staff.driver().findElements(By.xpath(reviewXpath(fileName))).isEmpty();
        });
        staff.checked();
        return staff.find(By.xpath(reviewXpath(fileName)));
    }
}
