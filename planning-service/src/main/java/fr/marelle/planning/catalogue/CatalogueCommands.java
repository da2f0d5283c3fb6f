package fr.marelle.planning.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What may be asked of a service of the catalogue. */
public final class CatalogueCommands {

    private CatalogueCommands() {
    }

    public record OpenService(@TargetAggregateIdentifier String serviceId, ServiceDefinition definition) {
    }

    public record RedefineService(@TargetAggregateIdentifier String serviceId, ServiceDefinition definition) {
    }

    /** The house rules document (a PDF staff uploaded), which parents download before booking. */
    public record AttachHouseRules(@TargetAggregateIdentifier String serviceId, HouseRules houseRules) {
    }

    /** No new booking; what is booked stays. */
    public record WithdrawService(@TargetAggregateIdentifier String serviceId) {
    }

    public record ReinstateService(@TargetAggregateIdentifier String serviceId) {
    }
}
