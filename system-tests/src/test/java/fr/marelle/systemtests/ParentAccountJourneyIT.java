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
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screens 1 to 9 in a real browser, with an axe-core check of every page: a parent registers, reads the validation
 * email from the SMTP server, confirms the address; an administrator (second factor) activates the account; the
 * parent logs in, edits the profile and an emergency contact, and changes the password.
 */
@ExtendWith(Portal.Extension.class)
class ParentAccountJourneyIT {

    static final String PASSWORD = "Hirondelle-du-Centre-26";
    static final String NEW_PASSWORD = "Mesange-Bleue-2026!x";

    @BeforeAll
    static void browserAvailable() {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are needed (apt-get install chromium "
                + "chromium-driver)");
    }

    @Test
    void a_parent_registers_confirms_is_activated_and_keeps_the_account_up_to_date() {
        String email = "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        try (Browser parent = new Browser(); Browser staff = new Browser()) {
            parent.open(Portal.GATEWAY + "/");
            parent.open(Portal.GATEWAY + "/inscription");
            new Select(parent.find(By.id("civility"))).selectByValue("MADAME");
            parent.type("firstName", "Camille").type("lastName", "Martin").type("mainPhone", "06 12 34 56 78")
                    .type("addressLine1", "3 rue de la Gare").type("postcode", "88450").type("city", "Vincey")
                    .type("cafNumber", "123456").type("quotientFamilial", "beaucoup").type("email", email)
                    .type("password", PASSWORD).type("passwordConfirmation", "autre");
            parent.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(parent.find(By.id("erreurs")).getText()).isNotBlank();
            assertThat(parent.find(By.id("cafNumber-error")).getText()).contains("7 chiffres");
            assertThat(parent.find(By.id("quotientFamilial-error")).getText()).contains("nombre entier positif");
            assertThat(parent.find(By.id("passwordConfirmation-error")).getText()).contains("pas identiques");

            parent.type("cafNumber", "1234567").type("quotientFamilial", "850")
                    .type("password", PASSWORD).type("passwordConfirmation", PASSWORD);
            parent.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(parent.text()).contains("valid"); // the home page asks to validate the address

            JsonNode verification = Mailbox.awaitMail(email, "Confirmez votre adresse");
            assertThat(verification.path("body").asText()).contains("Camille");
            parent.open(Mailbox.linkIn(verification));
            parent.submit(By.cssSelector("main form button[type=submit]"));
            parent.open(Portal.GATEWAY + "/");
            assertThat(parent.text()).contains("Un administrateur activera votre compte");

            StaffSession.logInAsAdministrator(staff);
            staff.open(Portal.GATEWAY + "/admin/comptes-en-attente");
            assertThat(staff.text()).contains("Camille Martin");
            staff.submit(By.xpath("//tr[contains(., '" + email + "')]//form[contains(@action, '/activation')]"
                    + "//button"));
            Mailbox.awaitMail(email, "Votre compte est activé");

            parent.open(Portal.GATEWAY + "/");
            parent.submit(By.cssSelector("form[action$='/deconnexion'] button"));
            parent.open(Portal.GATEWAY + "/connexion");
            parent.type("email", email).type("password", "mauvais mot de passe");
            parent.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(parent.text()).contains("Adresse e-mail ou mot de passe incorrect.");
            parent.type("email", email).type("password", PASSWORD);
            parent.submit(By.cssSelector("main form button[type=submit]"));

            parent.open(Portal.GATEWAY + "/mon-profil");
            parent.type("secondaryPhone", "03 29 00 00 00");
            parent.submit(By.cssSelector("button[name=ajouter]"));
            parent.type("contacts-0-name", "Jeanne Martin").type("contacts-0-phone", "06 11 22 33 44");
            parent.click(By.id("contacts-0-canPickUpChildren"));
            parent.submit(By.cssSelector(".save-bar button[type=submit]"));
            assertThat(parent.find(By.id("contacts-0-name")).getAttribute("value")).isEqualTo("Jeanne Martin");
            assertThat(parent.find(By.id("secondaryPhone")).getAttribute("value")).contains("03");

            parent.open(Portal.GATEWAY + "/mon-compte");
            parent.type("password-currentPassword", PASSWORD).type("password-newPassword", NEW_PASSWORD)
                    .type("password-newPasswordConfirmation", NEW_PASSWORD);
            parent.submit(By.cssSelector("form[action$='/mon-compte/mot-de-passe'] button[type=submit]"));
            parent.submit(By.cssSelector("form[action$='/deconnexion'] button"));
            parent.open(Portal.GATEWAY + "/connexion");
            parent.type("email", email).type("password", NEW_PASSWORD);
            parent.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(parent.driver().getCurrentUrl()).doesNotContain("/connexion");
            assertThat(parent.pagesVisited()).hasSizeGreaterThan(10);
        }
    }
}
