package fr.marelle.gateway.web.console;

import java.util.Set;

/**
 * A page of the town's configuration, listed in the configuration hub under its group.
 *
 * @param group       message key of the group (town, schools, services, calendar, tariffs, alerts, access)
 * @param label       message key of the link
 * @param description message key of what is configured there
 * @param roles       staff roles that may open it
 */
public record ConfigurationEntry(int order, String group, String label, String description, String href,
                                 Set<String> roles) {
}
