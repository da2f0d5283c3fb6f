package fr.marelle.contracts;

/** One Kafka topic per context. */
public final class Topics {

    public static final String ACCOUNTS = "marelle.accounts";
    public static final String CHILDREN = "marelle.children";
    public static final String PLANNING = "marelle.planning";
    public static final String BILLING = "marelle.billing";
    public static final String WALLET = "marelle.wallet";
    public static final String NOTIFICATIONS = "marelle.notifications";

    private Topics() {
    }

    public static String of(String context) {
        return "marelle." + context;
    }
}
