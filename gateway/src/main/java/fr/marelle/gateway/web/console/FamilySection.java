package fr.marelle.gateway.web.console;

import java.util.Map;

/**
 * A part of the family file that a feature contributes: rendered by the feature's own template fragment, which
 * receives {@code model} as its parameter, under a heading of the page.
 *
 * @param id       the section's anchor on the page (e.g. {@code enfants})
 * @param title    message key of its heading
 * @param template template holding the fragment (e.g. {@code children/family-section})
 * @param fragment the fragment's name; it takes one parameter, the model
 */
public record FamilySection(int order, String id, String title, String template, String fragment,
                            Map<String, Object> model) {
}
