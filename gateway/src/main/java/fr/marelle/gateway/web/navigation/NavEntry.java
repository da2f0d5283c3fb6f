package fr.marelle.gateway.web.navigation;

import fr.marelle.gateway.security.GatewayUser;

import java.util.Set;

/**
 * One link of a menu: the parents' space or the staff console. A page names its entry ({@code key}) to be marked as
 * the current one. Console entries are shown to the roles given; parents' entries by account state.
 *
 * @param label message key of the link's text
 * @param roles staff roles that see a console entry (empty: every staff role)
 */
public record NavEntry(Area area, int order, String key, String label, String href, Set<String> roles,
                       ParentAccess parentAccess) {

    public enum Area { PARENT, CONSOLE }

    /** When a parent sees an entry of their space. */
    public enum ParentAccess { ALWAYS, PROFILE, ACTIVE }

    public static NavEntry parent(int order, String key, String label, String href, ParentAccess access) {
        return new NavEntry(Area.PARENT, order, key, label, href, Set.of(), access);
    }

    public static NavEntry console(int order, String key, String label, String href, String... roles) {
        return new NavEntry(Area.CONSOLE, order, key, label, href, Set.of(roles), ParentAccess.ALWAYS);
    }

    boolean visibleTo(GatewayUser user) {
        if (user == null) {
            return false;
        }
        if (area == Area.CONSOLE) {
            return user.isStaff() && (roles.isEmpty() || roles.contains(user.role().name()));
        }
        return !user.isStaff() && switch (parentAccess) {
            case ALWAYS -> true;
            case PROFILE -> user.mayEditProfile();
            case ACTIVE -> user.isActive();
        };
    }
}
