package fr.marelle.systemtests.portal;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.awaitility.Awaitility.await;

/** What journeys do with pages beyond a click: wait for read models to catch up, fill the browser's own widgets. */
public final class Pages {

    private Pages() {
    }

    /**
     * Opens the page again until it shows what the test waits for (the services work asynchronously: a read model
     * follows its events a moment later), then checks it with axe-core.
     */
    public static void eventually(Browser browser, String url, BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.driver().get(url);
            return condition.getAsBoolean();
        });
        browser.checked();
    }

    /** Opens the page again until it shows every text. */
    public static void showing(Browser browser, String url, String... texts) {
        eventually(browser, url, () -> {
            String page = browser.text();
            for (String text : texts) {
                if (!page.contains(text)) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * Fills a date, month or date-time field: what a person picks in the browser's own widget, whose typed format
     * depends on the browser's language.
     */
    public static void setValue(Browser browser, String id, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                browser.find(By.id(id)), value);
    }
}
