package fr.marelle.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a Marelle application. Marelle never calls out to the internet: Axon's update checker, which otherwise
 * reports usage to its vendor, is switched off before anything else is loaded, whatever the environment says.
 */
public final class MarelleApplication {

    public static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    private MarelleApplication() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String... args) {
        disableVendorCalls();
        return SpringApplication.run(application, args);
    }

    public static void disableVendorCalls() {
        System.setProperty(UPDATE_CHECKER_DISABLED, "true");
    }
}
