package fr.marelle.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The town the portal serves and where the services are. Logins, staff users and the first administrator live in
 * accounts-service: the gateway holds no user of its own.
 */
@ConfigurationProperties("marelle")
public class GatewayProperties {

    private Town town = new Town();
    /** Base URL of each service, by name: accounts, children, planning, billing, wallet, notification. */
    private Map<String, Service> services = new LinkedHashMap<>();

    public Town getTown() {
        return town;
    }

    public void setTown(Town town) {
        this.town = town;
    }

    public Map<String, Service> getServices() {
        return services;
    }

    public void setServices(Map<String, Service> services) {
        this.services = services;
    }

    public static class Town {
        private String name = "Ville de Vincey";
        private String contactEmail = "contact@vincey.fr";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getContactEmail() {
            return contactEmail;
        }

        public void setContactEmail(String contactEmail) {
            this.contactEmail = contactEmail;
        }
    }

    public static class Service {
        private URI url;

        public URI getUrl() {
            return url;
        }

        public void setUrl(URI url) {
            this.url = url;
        }
    }
}
