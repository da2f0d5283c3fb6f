package fr.marelle.systemtests.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parent whose account is open, made as it happens in the portal: registration (screen 4), the address confirmed
 * from the email, activation by the administrator (second factor), then the parent logged in. For journeys that start
 * where an active family's pages begin.
 */
public record ActiveParent(String email, String password, String firstName, String lastName) {

    /** Registers, confirms, has an administrator activate the account, and leaves the parent logged in. */
    public static ActiveParent open(Browser parent, Browser staff, String lastName) {
        return open(parent, staff, lastName, "06 12 34 56 78");
    }

    /** The same, with a mobile number of the family's own (to tell its SMS from other journeys' families'). */
    public static ActiveParent open(Browser parent, Browser staff, String lastName, String mobile) {
        String email = lastName.toLowerCase().replaceAll("[^a-z]", "") + "."
                + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        ActiveParent account = new ActiveParent(email, "Hirondelle-du-Centre-26", "Camille", lastName);
        parent.open(Portal.GATEWAY + "/inscription");
        new Select(parent.find(By.id("civility"))).selectByValue("MADAME");
        parent.type("firstName", account.firstName()).type("lastName", lastName)
                .type("mainPhone", mobile).type("addressLine1", "3 rue de la Gare")
                .type("postcode", "88450").type("city", "Vincey").type("email", email)
                .type("password", account.password()).type("passwordConfirmation", account.password());
        parent.submit(By.cssSelector("main form button[type=submit]"));

        JsonNode verification = Mailbox.awaitMail(email, "Confirmez votre adresse");
        parent.open(Mailbox.linkIn(verification));
        parent.submit(By.cssSelector("main form button[type=submit]"));

        StaffSession.logInAsAdministrator(staff);
        activate(staff, email);

        account.logIn(parent);
        return account;
    }

    /**
     * Staff (logged in in {@code staff}) activate the account of this address from the accounts waiting for
     * activation, once that list (a read model) shows it, and the parent gets the email that says so.
     */
    static void activate(Browser staff, String email) {
        By activation = By.xpath("//tr[contains(., '" + email + "')]//form[contains(@action, '/activation')]//button");
        Pages.eventually(staff, Portal.GATEWAY + "/admin/comptes-en-attente",
                () -> !staff.driver().findElements(activation).isEmpty());
        staff.submit(activation);
        Mailbox.awaitMail(email, "Votre compte est activé");
    }

    public void logIn(Browser parent) {
        parent.open(Portal.GATEWAY + "/connexion");
        if (parent.driver().findElements(By.id("email")).isEmpty()) {
            // still in the session of the address confirmation: out first, as ParentSession does
            parent.submit(By.cssSelector("form[action$='/deconnexion'] button"));
            parent.open(Portal.GATEWAY + "/connexion");
        }
        parent.type("email", email).type("password", password);
        parent.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(parent.driver().getCurrentUrl()).doesNotContain("/connexion");
    }
}
