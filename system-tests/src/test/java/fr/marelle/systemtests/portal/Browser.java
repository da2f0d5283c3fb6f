package fr.marelle.systemtests.portal;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Chromium (Debian's, headless) driven by Selenium. Every page a journey passes through is checked with
 * axe-core: no serious or critical violation is accepted.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final Set<String> checked = new LinkedHashSet<>();
    private final List<String> pagesVisited = new ArrayList<>();

    public Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary("MARELLE_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,1024", "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(binary("MARELLE_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    private static String binary(String env, String fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static boolean available() {
        return Files.isExecutable(Path.of(binary("MARELLE_CHROMIUM", "/usr/bin/chromium")))
                && Files.isExecutable(Path.of(binary("MARELLE_CHROMEDRIVER", "/usr/bin/chromedriver")));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return checked();
    }

    /** The current page passes the axe-core check (once per distinct page path and title). */
    public Browser checked() {
        String key = driver.getCurrentUrl().replaceAll("\\?.*", "") + " | " + driver.getTitle();
        pagesVisited.add(key);
        if (checked.add(key)) {
            Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                    "best-practice")).analyze(driver);
            List<Rule> blocking = results.getViolations().stream()
                    .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                    .toList();
            if (!blocking.isEmpty()) {
                screenshot("axe");
            }
            assertThat(blocking).as("axe-core on " + key + ":\n" + blocking.stream()
                    .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " → " + v.getNodes().stream()
                            .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n"))).isEmpty();
        }
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks an element scrolled to the middle of the window (clear of sticky bars), as a person would. */
    public Browser click(By element) {
        WebElement target = driver.findElement(element);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", target);
        target.click();
        return this;
    }

    /**
     * Submits with the button (or follows a link), then checks the page it leads to. It waits for the page it leaves to
     * be gone before it waits for the next one to be loaded: Chromium may answer the click before the navigation
     * starts, and the page left is itself "complete" (seen with Chromium 156.0.8078.108: the journeys read the login
     * page's address, or its body while it was being replaced).
     */
    public Browser submit(By button) {
        WebElement leaving = driver.findElement(By.tagName("html"));
        click(button);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.stalenessOf(leaving));
        wait.until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        return checked();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public List<String> pagesVisited() {
        return pagesVisited;
    }

    public void screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target.resolve(name + "-" + System.currentTimeMillis() + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
