package fr.marelle.gateway.services;

/** A service did not answer, or failed: the page says so instead of breaking. */
public class ServiceUnavailable extends RuntimeException {

    private final String service;

    public ServiceUnavailable(String service, Throwable cause) {
        super("Le service " + service + " ne répond pas.", cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
