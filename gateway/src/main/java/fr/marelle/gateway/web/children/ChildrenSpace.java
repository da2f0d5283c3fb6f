package fr.marelle.gateway.web.children;

import java.util.UUID;

/**
 * Where the children's pages are served: the parents' space ({@code /vos-enfants}, their own family) or the staff
 * console acting on a family's behalf ({@code /admin/familles/{familyId}/enfants}). The forms, their checks and
 * their templates are the same; only the addresses, the navigation and a few words change.
 *
 * @param familyId the family staff act for; null in the parents' space (children-service scopes them itself)
 */
public record ChildrenSpace(UUID familyId) {

    static final ChildrenSpace PARENTS = new ChildrenSpace(null);

    static ChildrenSpace console(UUID familyId) {
        return new ChildrenSpace(familyId);
    }

    /** Whether the pages are the console's (staff acting for {@link #familyId}). */
    public boolean console() {
        return familyId != null;
    }

    /** The list of the family's children, where the forms lead back to. */
    public String children() {
        return console() ? "/admin/familles/" + familyId + "/enfants" : "/vos-enfants";
    }

    public String add() {
        return children() + "/nouveau";
    }

    public String child(Object childId) {
        return children() + "/" + childId;
    }

    public String archive(Object childId) {
        return child(childId) + "/archivage";
    }

    /** The page to send one of the child's documents. */
    public String upload(Object childId, String kind) {
        return child(childId) + "/documents/" + kind;
    }

    /** The page to send one of the family's own documents (the console's; parents send them from "Mes documents"). */
    public String familyUpload(String kind) {
        return console() ? "/admin/familles/" + familyId + "/documents/" + kind : "/mes-documents/" + kind;
    }
}
