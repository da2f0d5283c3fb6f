package fr.marelle.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The town the portal serves, its first administrator, and where the services are. */
@ConfigurationProperties("marelle")
public class GatewayProperties {

    private Town town = new Town();
    private Admin admin = new Admin();
    /** Base URL of each service, by name: accounts, children, planning, billing, wallet, notification. */
    private Map<String, Service> services = new LinkedHashMap<>();

    public Town getTown() {
        return town;
    }

    public void setTown(Town town) {
        this.town = town;
    }

    public Admin getAdmin() {
        return admin;
    }

    public void setAdmin(Admin admin) {
        this.admin = admin;
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

    public static class Admin {
        /** Login of the first administrator. */
        private String email = "admin@marelle.local";
        /** Password of the first administrator; when empty, one is generated and printed once at start. */
        private String password;

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
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
