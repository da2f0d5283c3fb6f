package fr.marelle.planning.catalogue;

import org.axonframework.serialization.Revision;

/** Facts about the catalogue. Each carries the service's whole definition, as consumers need it whole. */
public final class CatalogueEvents {

    private CatalogueEvents() {
    }

    @Revision("1")
    public record ServiceOpened(String serviceId, ServiceDefinition definition) {
    }

    @Revision("1")
    public record ServiceRedefined(String serviceId, ServiceDefinition definition, boolean active) {
    }

    @Revision("1")
    public record HouseRulesAttached(String serviceId, HouseRules houseRules) {
    }

    @Revision("1")
    public record ServiceWithdrawn(String serviceId, ServiceDefinition definition) {
    }

    @Revision("1")
    public record ServiceReinstated(String serviceId, ServiceDefinition definition) {
    }
}
