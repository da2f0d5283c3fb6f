package fr.marelle.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.systemtests.portal.Browser;
import fr.marelle.systemtests.portal.Mailbox;
import fr.marelle.systemtests.portal.Portal;
import fr.marelle.systemtests.portal.StaffSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The thin slice across every layer, in a real browser against the whole portal started from its jars: an
 * administrator opens the file of a family without internet through a form; accounts-service stores it as events;
 * the public event crosses Kafka; notification-service writes the welcome email (it reaches the SMTP server) and the
 * gateway shows its status in the family file. The status page shows every service up with its lags.
 */
@ExtendWith(Portal.Extension.class)
class FoundationJourneyIT {

    @BeforeAll
    static void browserAvailable() {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are needed (apt-get install chromium "
                + "chromium-driver)");
    }

    @Test
    void an_administrator_opens_a_family_file_and_the_welcome_email_goes_out() {
        try (Browser browser = new Browser()) {
            StaffSession.logInAsAdministrator(browser);

            browser.open(Portal.GATEWAY + "/admin/statut");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                browser.driver().navigate().refresh();
                return browser.find(By.cssSelector("main")).getText().contains("Tous les services fonctionnent");
            });
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#services-status tbody tr"));
            assertThat(rows).hasSize(6);
            assertThat(rows).allSatisfy(row -> assertThat(row.getText()).contains("En service"));
            assertThat(browser.find(By.cssSelector("tr[data-service=accounts]")).getText())
                    .contains("integration-publisher").contains("family-directory");
            assertThat(browser.find(By.cssSelector("tr[data-service=notification]")).getText())
                    .contains("marelle.accounts");

            String email = "famille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            browser.open(Portal.GATEWAY + "/admin/familles/nouvelle");
            browser.type("guardian-firstName", "Lucie").type("guardian-lastName", "Petit")
                    .type("guardian-mainPhone", "06 55 44 33 22").type("guardian-notificationEmail", email)
                    .type("address-addressLine1", "1 place de la Mairie").type("address-postcode", "8845")
                    .type("address-city", "Vincey");
            browser.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(browser.find(By.id("address-postcode-error")).getText())
                    .contains("Le code postal compte 5 chiffres.");
            browser.type("address-postcode", "88450");
            browser.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(browser.driver().getCurrentUrl()).matches(".*/admin/familles/[0-9a-f-]{36}.*");

            JsonNode welcome = Mailbox.awaitMail(email, "Bienvenue");
            assertThat(welcome.path("body").asText()).contains("Lucie").contains("Ville de Vincey");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                browser.driver().navigate().refresh();
                return browser.find(By.id("messages")).findElement(By.xpath("..")).getText().contains("Envoyé");
            });
            browser.checked();
            assertThat(browser.text()).contains("Petit").contains("88450 Vincey");
        }
    }
}
