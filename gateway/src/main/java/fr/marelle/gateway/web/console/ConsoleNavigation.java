package fr.marelle.gateway.web.console;

import fr.marelle.gateway.web.navigation.NavEntries;
import fr.marelle.gateway.web.navigation.NavEntry;
import org.springframework.stereotype.Component;

import java.util.List;

/** The console's charts and configuration hub in its menu. */
@Component
class ConsoleNavigation implements NavEntries {

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.console(800, "charts", "console.charts.title", "/admin/graphiques"),
                NavEntry.console(810, "configuration", "console.config.title", "/admin/configuration"));
    }
}
