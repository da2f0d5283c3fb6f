package fr.marelle.systemtests;

import fr.marelle.systemtests.portal.ActiveParent;
import fr.marelle.systemtests.portal.Browser;
import fr.marelle.systemtests.portal.Pages;
import fr.marelle.systemtests.portal.Portal;
import fr.marelle.systemtests.portal.StaffSession;
import fr.marelle.systemtests.portal.Wallets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screens 19 and 20 in a real browser, with an axe-core check of every page, the payment sandbox's card page
 * included: an active parent tops the wallet up by card (a mistyped amount and a mistyped card said next to their
 * fields first), comes back to the portal, sees the payment confirmed and the wallet credited; a second payment is
 * cancelled on the card page; the town records a CESU cheque in the console, which the parent sees too.
 */
@ExtendWith(Portal.Extension.class)
class WalletTopUpJourneyIT {

    @BeforeAll
    static void browserAvailable() {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are needed (apt-get install chromium "
                + "chromium-driver)");
    }

    @Test
    void a_parent_tops_the_wallet_up_by_card_through_the_sandbox_and_the_town_records_a_cesu_cheque() {
        try (Browser parent = new Browser(); Browser staff = new Browser()) {
            ActiveParent account = ActiveParent.open(parent, staff, "Porte-Monnaie");

            parent.open(Portal.GATEWAY + "/porte-monnaie");
            assertThat(parent.find(By.cssSelector("h1")).getText()).isEqualTo("Porte-monnaie");
            assertThat(parent.text()).contains("Solde", "À venir", "Solde mercredi récréatif",
                    "À venir mercredi récréatif", "Aucun mouvement pour le moment.");

            // screen 20: at least 10,00 €, said under the field
            parent.submit(By.cssSelector("a[href='/porte-monnaie/crediter']"));
            parent.type("amount", "9,50");
            parent.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(parent.find(By.id("amount-error")).getText()).contains("Le montant minimum est de 10,00");
            assertThat(parent.find(By.id("amount")).getAttribute("aria-invalid")).isEqualTo("true");
            parent.type("amount", "25,50");
            parent.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(parent.text()).contains("Vous allez créditer votre porte-monnaie de 25,50");

            // the provider's card page, outside the portal
            parent.submit(By.id("payer"));
            assertThat(parent.driver().getCurrentUrl()).startsWith("http://localhost:8090/paiement/");
            assertThat(parent.text()).contains("25,50 €");
            parent.type("cardNumber", "4242 4242 4242 4241").type("expiry", "12/35").type("cvc", "123");
            parent.submit(By.cssSelector("button[value=pay]"));
            assertThat(parent.find(By.id("cardNumber-error")).getText()).contains("Numéro de carte invalide");
            Wallets.payWithTestCard(parent);

            // back on the portal: the provider is asked at once, the page follows the payment until it is settled
            Wallets.awaitPayment(parent, "Paiement accepté");
            assertThat(parent.text()).contains("votre porte-monnaie est crédité de 25,50");

            Pages.showing(parent, Portal.GATEWAY + "/porte-monnaie", "25,50 €", "Paiement par carte bancaire");
            assertThat(parent.find(By.cssSelector(".wallet-figure dd")).getText()).startsWith("25,50 €");

            // a second payment, given up on the card page
            parent.open(Portal.GATEWAY + "/porte-monnaie/crediter");
            parent.type("amount", "40");
            parent.submit(By.cssSelector("main form button[type=submit]"));
            parent.submit(By.id("payer"));
            parent.submit(By.cssSelector("button[value=cancel]"));
            Wallets.awaitPayment(parent, "annulé");
            assertThat(parent.text()).contains("Votre porte-monnaie n'est pas crédité");

            // the town's finance desk: the family's wallet, and a CESU cheque recorded with its reason
            staff.open(Portal.GATEWAY + "/admin/porte-monnaie?q=" + account.email());
            staff.submit(By.cssSelector("main table a"));
            assertThat(staff.text()).contains("Porte-monnaie de la famille Porte-Monnaie", "Paiement par carte bancaire",
                    "Annulé");
            // credited by whichever came first: the parent's return page asking the provider, or its notification
            assertThat(staff.find(By.xpath("//tr[contains(., 'Paiement par carte bancaire')]")).getText())
                    .containsAnyOf("La famille", "Prestataire de paiement");
            staff.submit(By.cssSelector("a[href$='/operations/cesu']"));
            staff.type("amount", "45").type("number", "1234 5678 9").type("issuer", "Edenred");
            staff.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(staff.find(By.id("reason-error")).getText()).contains("Le motif est obligatoire");
            staff.type("reason", "Chèques CESU remis à l'accueil");
            staff.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(staff.find(By.cssSelector("[role=status]")).getText())
                    .contains("Opération enregistrée (Chèques CESU)");

            Pages.showing(parent, Portal.GATEWAY + "/porte-monnaie", "Chèque CESU n° 1234 5678 9");
            assertThat(parent.text()).contains("Motif : Chèques CESU remis à l'accueil");
            StaffSession.logOut(staff);
        }
    }
}
