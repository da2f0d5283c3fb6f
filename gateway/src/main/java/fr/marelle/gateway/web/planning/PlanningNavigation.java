package fr.marelle.gateway.web.planning;

import fr.marelle.gateway.web.navigation.NavEntries;
import fr.marelle.gateway.web.navigation.NavEntry;
import org.springframework.stereotype.Component;

import java.util.List;

import static fr.marelle.gateway.web.navigation.NavEntry.ParentAccess.ACTIVE;

/** "Planification" for parents; services and calendar, registers, occupancy, waiting lists and CAF report for staff. */
@Component
class PlanningNavigation implements NavEntries {

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.parent(50, "planning", "planning.nav.parent", "/planification", ACTIVE),
                NavEntry.console(60, "planningServices", "planning.nav.services", "/admin/planification/services"),
                NavEntry.console(61, "planningRegisters", "planning.nav.registers", "/admin/planification/pointage",
                        "ADMIN", "AGENT", "AUDITOR"),
                NavEntry.console(62, "planningOccupancy", "planning.nav.occupancy",
                        "/admin/planification/occupation"),
                NavEntry.console(63, "planningWaitlists", "planning.nav.waitlists", "/admin/planification/attente",
                        "ADMIN", "AGENT", "AUDITOR"),
                NavEntry.console(64, "planningCaf", "planning.nav.caf", "/admin/planification/caf"));
    }
}
