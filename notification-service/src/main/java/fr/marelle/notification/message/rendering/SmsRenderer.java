package fr.marelle.notification.message.rendering;

import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.DeliveryOrder;
import fr.marelle.notification.message.Language;
import fr.marelle.notification.message.MessageTemplate;
import fr.marelle.notification.message.sms.SmsText;
import fr.marelle.platform.errors.DomainException;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the SMS of a message from {@code sms/<template>/<language>.txt} (Thymeleaf TEXT mode; the same variables as
 * emails, {@code fmt} included), on one line, within {@code maxSegments} segments (see {@link SmsText}): first as
 * written, else with the letters outside GSM-7 written plainly, else with the template's free-text parameters (a
 * reason, a title) shortened at a word, longest first, and as a last resort cut at a word with an ellipsis. Templates
 * are written to fit one segment with ordinary values; the shortening is for the unusual ones.
 */
public class SmsRenderer {

    /** A shortened parameter keeps at least this many characters. */
    static final int SHORTEST_PARAMETER = 12;

    private final TemplateEngine engine = templateEngine();
    private final TownProperties town;
    private final PortalProperties portal;
    private final int maxSegments;

    public SmsRenderer(TownProperties town, PortalProperties portal, int maxSegments) {
        this.town = town;
        this.portal = portal;
        this.maxSegments = maxSegments;
    }

    static TemplateEngine templateEngine() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(SmsRenderer.class.getClassLoader());
        resolver.setPrefix("sms/");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setResolvablePatterns(Set.of("*.txt"));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        engine.addTemplateResolver(resolver);
        return engine;
    }

    /**
     * @throws RenderingFailedException when the template is unknown, has no SMS, or cannot be rendered
     */
    public SmsText render(DeliveryOrder order) {
        MessageTemplate template;
        try {
            template = MessageTemplate.named(order.template());
        } catch (DomainException e) {
            throw new RenderingFailedException("No template named " + order.template(), e);
        }
        if (!template.supports(Channel.SMS)) {
            throw new RenderingFailedException("Template " + template + " has no SMS", null);
        }
        String language = Language.normalise(order.language());
        String name = template.name().toLowerCase(Locale.ROOT) + "/" + language + ".txt";
        Map<String, Object> variables = EmailRenderer.variables(order, town, portal);
        SmsText text = SmsText.fit(process(name, language, variables), maxSegments);
        // shorten the free text, longest first, a word at a time, while it does not fit
        while (!text.fitsIn(maxSegments)) {
            String longest = template.shortenableInSms().stream()
                    .filter(p -> variables.get(p) instanceof String value && room(value) > SHORTEST_PARAMETER)
                    .max(Comparator.comparingInt(p -> room((String) variables.get(p))))
                    .orElse(null);
            if (longest == null) {
                break;
            }
            variables.put(longest, shortened((String) variables.get(longest)));
            text = SmsText.fit(process(name, language, variables), maxSegments);
        }
        return text.fitsIn(maxSegments) ? text : SmsText.truncate(text.text(), maxSegments);
    }

    private String process(String name, String language, Map<String, Object> variables) {
        try {
            return engine.process(name, new Context(Locale.forLanguageTag(language), new HashMap<>(variables)));
        } catch (TemplateEngineException e) {
            throw new RenderingFailedException("Template " + name + " cannot be rendered: " + e.getMessage(), e);
        }
    }

    /** The characters of a value, without the ellipsis a shortening added. */
    static int room(String value) {
        return value.endsWith("…") ? value.length() - 1 : value.length();
    }

    /** The value without its last word (or its last fifth, for a long word), with an ellipsis. */
    static String shortened(String value) {
        String text = value.endsWith("…") ? value.substring(0, value.length() - 1) : value;
        int cut = Math.max(SHORTEST_PARAMETER, text.length() - Math.max(4, text.length() / 5));
        int space = text.lastIndexOf(' ', cut);
        String kept = space >= SHORTEST_PARAMETER ? text.substring(0, space) : text.substring(0, cut);
        return kept.stripTrailing() + "…";
    }

    public int maxSegments() {
        return maxSegments;
    }
}
