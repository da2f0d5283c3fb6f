package fr.marelle.systemtests.portal;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The wallet's steps journeys share: a card top-up through the payment sandbox, the figures the parent reads. */
public final class Wallets {

    public static final String TEST_CARD = "4242 4242 4242 4242";

    private Wallets() {
    }

    /** Screen 20 then the provider's card page: the parent pays the amount (e.g. "20,00") with the test card. */
    public static void topUpByCard(Browser parent, String amount) {
        parent.open(Portal.GATEWAY + "/porte-monnaie/crediter");
        parent.type("amount", amount);
        parent.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(parent.text()).contains("Vous allez créditer votre porte-monnaie de " + amount);
        parent.submit(By.id("payer"));
        assertThat(parent.driver().getCurrentUrl()).startsWith("http://localhost:8090/paiement/");
        payWithTestCard(parent);
        awaitPayment(parent, "Paiement accepté");
    }

    /** On the provider's card page: a valid card, paid. */
    public static void payWithTestCard(Browser parent) {
        parent.type("cardNumber", TEST_CARD).type("expiry", "12/35").type("cvc", "123");
        parent.submit(By.cssSelector("button[value=pay]"));
    }

    /** Back on the portal: the page follows the payment until it shows its outcome. */
    public static void awaitPayment(Browser parent, String outcome) {
        assertThat(parent.driver().getCurrentUrl()).startsWith(Portal.GATEWAY + "/porte-monnaie/paiements/");
        new WebDriverWait(parent.driver(), Duration.ofSeconds(30))
                .until(d -> parent.find(By.id("etat-paiement")).getText().contains(outcome));
        parent.checked();
    }

    /** The four figures of screen 19 as the page shows them, by their names (Solde, À venir…). */
    public static Map<String, String> figures(Browser parent) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (WebElement figure : parent.driver().findElements(By.cssSelector(".wallet-figure"))) {
            String value = figure.findElement(By.tagName("dd")).getText();
            figures.put(figure.findElement(By.tagName("dt")).getText(), value.substring(0, value.indexOf('€') + 1));
        }
        return figures;
    }

    /** An amount as the portal writes it ("1 234,50 €", with a narrow no-break space) in cents. */
    public static long cents(String euros) {
        String digits = euros.replace("€", "").replaceAll("[\\s\\u00A0\\u202F]", "").replace(",", "");
        return Long.parseLong(digits.replace("−", "-"));
    }
}
