package fr.marelle.contracts;

import java.util.Objects;

/**
 * A published event type: its context (which is also its topic), name and version. On the wire the type is
 * {@code context.Name.vN}, never a Java class name. A contract only grows compatibly (new optional fields); a change
 * that would break consumers is a new version, published alongside the old one for as long as consumers need it.
 */
public record ContractType<T>(String context, String name, int version, Class<T> payloadType) {

    public ContractType {
        Objects.requireNonNull(context);
        Objects.requireNonNull(name);
        Objects.requireNonNull(payloadType);
    }

    /** The versioned type name carried in the Kafka header, e.g. {@code accounts.FamilyRegistered.v1}. */
    public String qualifiedName() {
        return context + "." + name + ".v" + version;
    }

    /** The topic of the context, e.g. {@code marelle.accounts}. */
    public String topic() {
        return Topics.of(context);
    }

    /** The example file every producer and consumer test reads: {@code contracts/accounts.FamilyRegistered.v1.json}. */
    public String exampleResource() {
        return "contracts/" + qualifiedName() + ".json";
    }
}
