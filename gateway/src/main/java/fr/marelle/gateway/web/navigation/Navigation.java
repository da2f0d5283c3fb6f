package fr.marelle.gateway.web.navigation;

import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Comparator;
import java.util.List;

/** The menus of every page, gathered from the features and filtered for the current user. */
@ControllerAdvice
public class Navigation {

    private final List<NavEntry> all;

    public Navigation(List<NavEntries> features) {
        this.all = features.stream().flatMap(f -> f.entries().stream())
                .sorted(Comparator.comparingInt(NavEntry::order)).toList();
    }

    /** Every console entry, whoever sees it: for the page that says which role may open what. */
    public List<NavEntry> consoleEntries() {
        return all.stream().filter(e -> e.area() == NavEntry.Area.CONSOLE).toList();
    }

    @ModelAttribute("parentMenu")
    List<NavEntry> parentMenu() {
        return visible(NavEntry.Area.PARENT);
    }

    @ModelAttribute("consoleMenu")
    List<NavEntry> consoleMenu() {
        return visible(NavEntry.Area.CONSOLE);
    }

    private List<NavEntry> visible(NavEntry.Area area) {
        GatewayUser user = CurrentActor.user().orElse(null);
        return all.stream().filter(e -> e.area() == area && e.visibleTo(user)).toList();
    }
}
