package fr.marelle.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the applications: where its jar is built, the port it serves on and the database it owns. The payment
 * sandbox stands in for the card-payment provider (it is not a Marelle service).
 *
 * @param name     short name used in messages, log file names and the gateway's service URLs
 * @param module   Maven module folder; the jar is {@code <module>/target/<module>.jar}
 * @param database suffix of its database name, after the configured prefix ({@code marelle_} by default)
 */
record AppSpec(String name, String module, int port, String database) {

    /** The services first, the gateway last: the order in which they are listed to the user. */
    static final List<AppSpec> ALL = List.of(
            new AppSpec("accounts", "accounts-service", 8081, "accounts"),
            new AppSpec("children", "children-service", 8082, "children"),
            new AppSpec("planning", "planning-service", 8083, "planning"),
            new AppSpec("billing", "billing-service", 8084, "billing"),
            new AppSpec("wallet", "wallet-service", 8085, "wallet"),
            new AppSpec("notification", "notification-service", 8086, "notification"),
            new AppSpec("sandbox", "payment-sandbox", 8090, "sandbox"),
            new AppSpec("gateway", "gateway", 8080, "gateway"));

    Path jar(Path root) {
        return root.resolve(module).resolve("target").resolve(module + ".jar");
    }

    String databaseName(String prefix) {
        return prefix + database;
    }

    String localUrl() {
        return "http://127.0.0.1:" + port;
    }

    boolean isGateway() {
        return name.equals("gateway");
    }
}
