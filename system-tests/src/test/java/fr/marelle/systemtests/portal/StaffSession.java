package fr.marelle.systemtests.portal;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.openqa.selenium.By;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff log in through the browser as a person would: address and password, then the second factor, enrolled at
 * the first login from the key shown on the page, and read from an authenticator (computed here) afterwards.
 */
public final class StaffSession {

    /** Second-factor keys of the staff members of this test run, by login. */
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private StaffSession() {
    }

    public static void logInAsAdministrator(Browser browser) {
        logIn(browser, Portal.ADMIN_EMAIL, Portal.ADMIN_PASSWORD);
    }

    public static void logIn(Browser browser, String email, String password) {
        browser.open(Portal.GATEWAY + "/connexion");
        browser.type("email", email).type("password", password);
        browser.submit(By.cssSelector("main form button[type=submit]"));
        if (browser.driver().getCurrentUrl().contains("/connexion/enrolement")) {
            String secret = browser.find(By.cssSelector(".secret code")).getText().replace(" ", "");
            assertThat(secret).matches("[A-Z2-7]{16,}");
            SECRETS.put(email, secret);
            browser.type("code", code(email));
            browser.submit(By.cssSelector("main form button[type=submit]"));
            assertThat(browser.text()).contains("codes");
            browser.submit(By.cssSelector("main a.button"));
        } else {
            assertThat(browser.driver().getCurrentUrl()).contains("/connexion/code");
            browser.type("code", code(email));
            browser.submit(By.cssSelector("main form button[type=submit]"));
        }
        assertThat(browser.driver().getCurrentUrl()).contains("/admin");
    }

    public static void logOut(Browser browser) {
        browser.submit(By.cssSelector("form[action$='/deconnexion'] button"));
    }

    /** The current code of the staff member's authenticator; a code already used waits for the next one. */
    static String code(String email) {
        String secret = SECRETS.get(email);
        if (secret == null) {
            throw new IllegalStateException("No second factor enrolled for " + email + " in this run");
        }
        Long last = LAST_STEP.get(email);
        if (last != null) {
            await().atMost(Duration.ofSeconds(31)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> currentStep() > last);
        }
        long step = currentStep();
        LAST_STEP.put(email, step);
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
    }
}
