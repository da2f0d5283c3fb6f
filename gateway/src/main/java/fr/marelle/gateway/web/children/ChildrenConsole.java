package fr.marelle.gateway.web.children;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.children.ChildrenClient;
import fr.marelle.gateway.web.console.ConfigurationEntries;
import fr.marelle.gateway.web.console.ConfigurationEntry;
import fr.marelle.gateway.web.console.DashboardTile;
import fr.marelle.gateway.web.console.DashboardTiles;
import fr.marelle.gateway.web.console.FamilyFileSections;
import fr.marelle.gateway.web.console.FamilySection;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What children puts on the console: the documents waiting for review (for those who review them: ADMIN, AGENT); in
 * a family's file its children (age, school and class, whether they may be booked or what is missing) and its
 * documents in words, with the actions administrators and agents take on the family's behalf (add a child, change
 * one, send a document); in the configuration hub the schools and classes, the catalogue of documents and what a child
 * needs to be booked. Who may open each page is checked again by {@link ChildrenRouteRules} and children-service.
 */
@Component
class ChildrenConsole implements DashboardTiles, FamilyFileSections, ConfigurationEntries {

    /** The roles that review documents (the review queue's route rule). */
    static final Set<String> REVIEWERS = Set.of("ADMIN", "AGENT");

    private final ChildrenClient children;

    ChildrenConsole(ChildrenClient children) {
        this.children = children;
    }

    @Override
    public List<DashboardTile> tiles(GatewayUser user) {
        if (!REVIEWERS.contains(user.role().name())) {
            return List.of();
        }
        return List.of(DashboardTile.count(100, "documentsToReview", "children.console.tile.pending",
                children.pendingDocumentCount(), "children.console.tile.pending.unit", "/admin/documents"));
    }

    @Override
    public List<FamilySection> sections(UUID familyId, GatewayUser user) {
        JsonNode familyChildren = children.children(familyId);
        JsonNode overview = children.documents(familyId);
        return List.of(new FamilySection(100, "enfants", "children.console.section.title", "children/console",
                "familySection", Map.of("familyId", familyId, "children", familyChildren,
                        "familyDocuments", overview.path("family"),
                        "mayReview", REVIEWERS.contains(user.role().name()),
                        "mayAct", FamilyChildrenConsoleController.ACTING.contains(user.role().name()),
                        "waiting", waiting(familyChildren, overview))));
    }

    @Override
    public List<ConfigurationEntry> entries() {
        return List.of(
                new ConfigurationEntry(100, "console.config.group.schools", "children.nav.schools",
                        "children.console.config.schools", "/admin/ecoles", REVIEWERS),
                new ConfigurationEntry(110, "console.config.group.schools", "children.nav.kinds",
                        "children.console.config.kinds", DocumentKindsConsoleController.BASE, Set.of("ADMIN")),
                new ConfigurationEntry(120, "console.config.group.schools", "children.console.config.bookable",
                        "children.console.config.bookable.description",
                        DocumentKindsConsoleController.BASE + "#pour-inscrire", Set.of("ADMIN")));
    }

    /** Whether one of the family's or its children's documents waits for review. */
    private static boolean waiting(JsonNode familyChildren, JsonNode overview) {
        for (JsonNode status : overview.path("family")) {
            if (isWaiting(status)) {
                return true;
            }
        }
        for (JsonNode child : familyChildren) {
            for (JsonNode status : child.path("documents")) {
                if (isWaiting(status)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isWaiting(JsonNode status) {
        return "WAITING".equals(status.path("status").asText())
                || !status.path("newer").isNull() && !status.path("newer").isMissingNode();
    }
}
