package fr.marelle.gateway;

import fr.marelle.platform.MarelleApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The parents' web UI, the staff admin console and the audit console, in front of the services. */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        MarelleApplication.run(GatewayApplication.class, args);
    }
}
