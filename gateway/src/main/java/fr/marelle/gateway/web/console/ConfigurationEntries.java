package fr.marelle.gateway.web.console;

import java.util.List;

/** The configuration pages a feature owns, gathered in one place on the console. */
@FunctionalInterface
public interface ConfigurationEntries {

    List<ConfigurationEntry> entries();
}
