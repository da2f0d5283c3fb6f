package fr.marelle.launcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Creates the databases that do not exist yet; each app then migrates its own schema with Flyway. */
final class Databases {

    /** Names are built from a checked prefix and fixed suffixes; checked again because they are spliced into SQL. */
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private Databases() {
    }

    /** @return the databases that were created */
    static List<String> createMissing(PostgresServer server, Collection<String> names) {
        List<String> created = new ArrayList<>();
        try (Connection connection = server.connectAdmin(5);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            for (String name : names) {
                if (!SAFE_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("unsafe database name " + name);
                }
                exists.setString(1, name);
                try (ResultSet result = exists.executeQuery()) {
                    if (result.next()) {
                        continue;
                    }
                }
                try (Statement create = connection.createStatement()) {
                    // CREATE DATABASE takes no bind parameters; the name matched SAFE_NAME above
                    create.execute("CREATE DATABASE \"" + name + "\"");
                }
                created.add(name);
            }
        } catch (SQLException e) {
            throw new LauncherException("Création des bases sur " + server.adminUrl() + " impossible : " + e.getMessage(), e);
        }
        return created;
    }
}
