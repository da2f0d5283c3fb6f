package fr.marelle.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The environment variables that configure one app for the local run (see launcher/README.md). */
final class AppEnvironment {

    private AppEnvironment() {
    }

    /**
     * @param kafkaBootstrap host:port of the local broker
     * @param smtp           host:port of the local SMTP server
     */
    static Map<String, String> of(AppSpec app, List<AppSpec> all, Settings settings, LocalSecrets secrets,
                                  PostgresServer postgres, String kafkaBootstrap, String smtp) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(app.port()));
        // a local run is for this machine only: nothing listens on the network
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("SPRING_DATASOURCE_URL", postgres.urlOf(app.databaseName(settings.databasePrefix())));
        env.put("SPRING_DATASOURCE_USERNAME", postgres.user());
        env.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
        env.put("MARELLE_KAFKA_BOOTSTRAP", kafkaBootstrap);
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        env.put("MARELLE_SERVICETOKEN_PUBLICKEY", secrets.servicePublicKey());
        env.put("MARELLE_DEMO_DATA", Boolean.toString(settings.demo()));
        // named in pages and emails; where the links in emails lead
        env.put("MARELLE_TOWN_NAME", settings.townName());
        env.put("MARELLE_PORTAL_URL", "http://localhost:" + gatewayPort(all));
        // glibc gives each thread's allocations their own arena by default: with many threads that is tens of MiB
        env.put("MALLOC_ARENA_MAX", "2");
        if (app.name().equals("notification")) {
            env.put("SPRING_MAIL_HOST", smtp.substring(0, smtp.lastIndexOf(':')));
            env.put("SPRING_MAIL_PORT", smtp.substring(smtp.lastIndexOf(':') + 1));
            // it signs for itself (SYSTEM only) to ask accounts-service for single-use links
            env.put("MARELLE_SERVICETOKEN_PRIVATEKEY", secrets.notificationPrivateKey());
            env.put("MARELLE_SERVICETOKEN_KEYID", "notification");
            env.put("MARELLE_SERVICES_ACCOUNTS_URL", urlOf(all, "accounts"));
            // its real HTTP SMS adapter, pointed at the launcher's SMS sandbox
            env.put("MARELLE_SMS_URL", SmsSandbox.apiUrl(SmsSandbox.PORT));
            env.put("MARELLE_SMS_API_KEY", SmsSandbox.RUN_KEY);
        }
        if (app.name().equals("accounts")) {
            env.put("MARELLE_ACCOUNTS_SECRETKEY", secrets.accountsSecretKey());
            env.put("MARELLE_SERVICETOKEN_PEERS_NOTIFICATION", secrets.notificationPublicKey());
        }
        if (app.name().equals("accounts")) {
            // the first administrator, created by accounts-service at its first start
            env.put("MARELLE_ADMIN_EMAIL", settings.adminEmail());
            env.put("MARELLE_ADMIN_PASSWORD", settings.adminPassword().orElse(secrets.adminPassword()));
        }
        if (app.name().equals("sandbox")) {
            // the local card-payment provider: the merchant's key and the notifications' secret, shared with the wallet
            env.put("SANDBOX_APIKEY", secrets.sandboxApiKey());
            env.put("SANDBOX_SIGNINGSECRET", secrets.sandboxSigningSecret());
            env.put("SANDBOX_PUBLICURL", "http://localhost:" + app.port());
        }
        if (app.name().equals("wallet")) {
            env.put("MARELLE_WALLET_PAYMENTS_PROVIDER", "sandbox");
            env.put("MARELLE_WALLET_PAYMENTS_SANDBOX_URL", urlOf(all, "sandbox"));
            env.put("MARELLE_WALLET_PAYMENTS_SANDBOX_APIKEY", secrets.sandboxApiKey());
            env.put("MARELLE_WALLET_PAYMENTS_SANDBOX_SIGNINGSECRET", secrets.sandboxSigningSecret());
            // where the sandbox posts its notifications
            env.put("MARELLE_WALLET_PAYMENTS_NOTIFICATIONBASEURL", app.localUrl());
        }
        if (app.isGateway()) {
            env.put("MARELLE_SERVICETOKEN_PRIVATEKEY", secrets.servicePrivateKey());
            for (AppSpec service : all) {
                if (!service.isGateway() && !service.name().equals("sandbox")) {
                    env.put("MARELLE_SERVICES_" + service.name().toUpperCase() + "_URL", service.localUrl());
                }
            }
        }
        return env;
    }

    private static String urlOf(List<AppSpec> all, String name) {
        return all.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().localUrl();
    }

    static int gatewayPort(List<AppSpec> all) {
        return all.stream().filter(AppSpec::isGateway).findFirst().orElseThrow().port();
    }
}
