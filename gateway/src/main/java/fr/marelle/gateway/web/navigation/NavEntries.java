package fr.marelle.gateway.web.navigation;

import java.util.List;

/** The menu entries a feature adds; each feature declares its own as a bean. */
@FunctionalInterface
public interface NavEntries {

    List<NavEntry> entries();
}
