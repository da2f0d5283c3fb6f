package fr.marelle.systemtests.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parent with an active account, as a journey needs one: registered through the form (screen 4), address
 * confirmed from the email, account activated by an administrator (who must be logged in in {@code staff}), and
 * logged in again. Answers the parent's login and family id (read from the staff console's family search, as staff
 * would find it).
 */
public final class ParentSession {

    public record Parent(String email, String password, String familyId) {
    }

    private ParentSession() {
    }

    public static String anEmail(String firstName) {
        return firstName.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Registers Camille Martin (QF 850 declared), confirms the address, has staff activate the account. */
    public static Parent activeParent(Browser parent, Browser staff, String email, String password) {
        parent.open(Portal.GATEWAY + "/inscription");
        new Select(parent.find(By.id("civility"))).selectByValue("MADAME");
        parent.type("firstName", "Camille").type("lastName", "Martin").type("mainPhone", "06 12 34 56 78")
                .type("addressLine1", "3 rue de la Gare").type("postcode", "88450").type("city", "Vincey")
                .type("cafNumber", "1234567").type("quotientFamilial", "850").type("email", email)
                .type("password", password).type("passwordConfirmation", password);
        parent.submit(By.cssSelector("main form button[type=submit]"));
        JsonNode verification = Mailbox.awaitMail(email, "Confirmez votre adresse");
        parent.open(Mailbox.linkIn(verification));
        parent.submit(By.cssSelector("main form button[type=submit]"));

        ActiveParent.activate(staff, email);

        Pages.eventually(staff, Portal.GATEWAY + "/admin/familles?q=" + email,
                () -> !staff.driver().findElements(By.cssSelector("tbody a[href*='/admin/familles/']")).isEmpty());
        String href = staff.find(By.cssSelector("tbody a[href*='/admin/familles/']")).getAttribute("href");
        String familyId = href.substring(href.lastIndexOf('/') + 1);
        assertThat(familyId).hasSize(36);

        parent.open(Portal.GATEWAY + "/");
        parent.submit(By.cssSelector("form[action$='/deconnexion'] button"));
        parent.open(Portal.GATEWAY + "/connexion");
        parent.type("email", email).type("password", password);
        parent.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(parent.driver().getCurrentUrl()).doesNotContain("/connexion");
        return new Parent(email, password, familyId);
    }
}
