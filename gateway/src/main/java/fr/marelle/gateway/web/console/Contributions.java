package fr.marelle.gateway.web.console;

import fr.marelle.gateway.services.ServiceFanOut;
import fr.marelle.gateway.services.ServiceUnavailable;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Asks every feature's contribution to a console page (tiles, family-file sections, charts) at once, and gathers
 * what they gave and which services did not answer — a page is never blank because one service is down.
 */
@Component
public class Contributions {

    private static final Duration WAIT = Duration.ofSeconds(15);

    /** What the contributors gave, and the services that did not answer, in words. */
    public record Gathered<T>(List<T> items, Set<String> unavailable) {
    }

    private final ServiceFanOut fanOut;
    private final Texts texts;

    Contributions(ServiceFanOut fanOut, Texts texts) {
        this.fanOut = fanOut;
        this.texts = texts;
    }

    public <C, T> Gathered<T> gather(List<C> contributors, Function<C, List<T>> ask) {
        Map<String, C> byName = new LinkedHashMap<>();
        contributors.forEach(c -> byName.put(c.getClass().getName() + "#" + byName.size(), c));
        List<T> items = new ArrayList<>();
        Set<String> unavailable = new LinkedHashSet<>();
        for (ServiceFanOut.Answer<List<T>> answer : fanOut.ask(List.copyOf(byName.keySet()),
                name -> ask.apply(byName.get(name)), WAIT)) {
            if (answer.ok()) {
                items.addAll(answer.value());
            } else {
                unavailable.add(answer.error() instanceof ServiceUnavailable down
                        ? texts.getOrDefault("status.service." + down.service(), down.service())
                        : texts.get("console.unavailable.unknown"));
            }
        }
        return new Gathered<>(items, unavailable);
    }
}
