package fr.marelle.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server the launcher may create databases on, by the JDBC URL of its maintenance database.
 *
 * @param description how it was found, for the console
 * @param stopper     what to run at the end (stops an embedded server; nothing for an external one)
 */
record PostgresServer(String adminUrl, String user, String password, String description, Runnable stopper) {

    /** jdbc:postgresql://hosts[/database][?parameters] */
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    PostgresServer {
        if (!URL.matcher(adminUrl).matches()) {
            throw new LauncherException("URL JDBC PostgreSQL invalide : " + adminUrl
                    + " (attendu jdbc:postgresql://hôte:port/base)");
        }
    }

    /** The same server and parameters, another database. */
    String urlOf(String database) {
        Matcher matcher = URL.matcher(adminUrl);
        if (!matcher.matches()) {
            throw new IllegalStateException(adminUrl);
        }
        return matcher.group(1) + "/" + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }

    Connection connectAdmin(int timeoutSeconds) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        properties.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
        properties.setProperty("ApplicationName", "marelle-launcher");
        return DriverManager.getConnection(adminUrl, properties);
    }

    void stop() {
        stopper.run();
    }
}
