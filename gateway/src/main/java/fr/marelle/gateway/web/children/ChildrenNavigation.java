package fr.marelle.gateway.web.children;

import fr.marelle.gateway.web.navigation.NavEntries;
import fr.marelle.gateway.web.navigation.NavEntry;
import org.springframework.stereotype.Component;

import java.util.List;

import static fr.marelle.gateway.web.navigation.NavEntry.ParentAccess.ACTIVE;

/** "Mes documents" and "Vos enfants" for parents; the review queue, the catalogue and the schools in the console. */
@Component
class ChildrenNavigation implements NavEntries {

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.parent(30, "documents", "children.nav.documents", "/mes-documents", ACTIVE),
                NavEntry.parent(40, "children", "children.nav.children", "/vos-enfants", ACTIVE),
                NavEntry.console(40, "documents", "children.nav.review", "/admin/documents", "ADMIN", "AGENT"),
                NavEntry.console(45, "document-kinds", "children.nav.kinds", DocumentKindsConsoleController.BASE,
                        "ADMIN"),
                NavEntry.console(50, "schools", "children.nav.schools", "/admin/ecoles", "ADMIN", "AGENT"));
    }
}
