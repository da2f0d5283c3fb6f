package fr.marelle.notification.message.rendering;

import fr.marelle.notification.message.DeliveryOrder;
import fr.marelle.notification.message.Language;
import fr.marelle.notification.message.LinkKind;
import fr.marelle.notification.message.MessageTemplate;
import fr.marelle.platform.errors.DomainException;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a message from its Thymeleaf templates: {@code mail/<template>/<language>.html} (HTML mode; its
 * {@code <title>} is the subject) and {@code mail/<template>/<language>.txt} (TEXT mode), both framed by
 * {@code mail/layout/<language>.*}, which carries the town's name and the notice on personal data. Templates see the
 * message's parameters, {@code townName}, {@code townContactEmail}, {@code portalUrl} and, for a message with a
 * single-use link, {@code link} and {@code linkExpiresAt}.
 */
public class EmailRenderer {

    static final ZoneId TOWN_TIME = ZoneId.of("Europe/Paris");
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Map<String, DateTimeFormatter> EXPIRY = Map.of(
            Language.FRENCH, DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH),
            Language.ENGLISH, DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm '(Paris time)'", Locale.ENGLISH));

    private final TemplateEngine engine = templateEngine();
    private final TownProperties town;
    private final PortalProperties portal;
    private final LinkProvider links;
    private final NewsletterContents newsletters;
    private final UnsubscribeLinks unsubscribe;

    public EmailRenderer(TownProperties town, PortalProperties portal, LinkProvider links) {
        this(town, portal, links, id -> java.util.Optional.empty(), familyId -> {
            throw new IllegalStateException("No unsubscribe links here");
        });
    }

    public EmailRenderer(TownProperties town, PortalProperties portal, LinkProvider links,
                         NewsletterContents newsletters, UnsubscribeLinks unsubscribe) {
        this.town = town;
        this.portal = portal;
        this.links = links;
        this.newsletters = newsletters;
        this.unsubscribe = unsubscribe;
    }

    static TemplateEngine templateEngine() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(EmailRenderer.class.getClassLoader());
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /**
     * Renders the message of a delivery attempt, obtaining its single-use link first when it has one.
     *
     * @throws LinkUnavailableException  when the link cannot be had
     * @throws RenderingFailedException when the template is unknown or cannot be rendered
     */
    public RenderedEmail render(DeliveryOrder order) throws LinkUnavailableException {
        MessageTemplate template;
        try {
            template = MessageTemplate.named(order.template());
        } catch (DomainException e) {
            throw new RenderingFailedException("No template named " + order.template(), e);
        }
        String language = Language.normalise(order.language());
        Map<String, Object> variables = variables(order, town, portal);
        String listUnsubscribe = null;
        if (template == MessageTemplate.NEWSLETTER) {
            NewsletterContents.NewsletterContent content = newsletters.contentOf(order.parameters().get("newsletterId"))
                    .orElseThrow(() -> new RenderingFailedException("Newsletter "
                            + order.parameters().get("newsletterId") + " unknown or not sent", null));
            variables.put("newsletterSubject", content.subject());
            variables.put("newsletterParagraphs", content.paragraphs());
        }
        if (template.hasUnsubscribeLink()) {
            String link = order.familyId() == null ? null : unsubscribe.linkFor(order.familyId());
            if (link == null || !new ResolvedLink(link, null).isWebLink()) {
                throw new RenderingFailedException("No unsubscribe link for message " + order.messageId(), null);
            }
            variables.put("unsubscribeLink", link);
            listUnsubscribe = link;
        }
        if (template.link().isPresent()) {
            ResolvedLink link = resolve(order, template.link().get());
            variables.put("link", link.url());
            variables.put("linkExpiresAt", link.expiresAt() == null ? null
                    : EXPIRY.get(language).format(link.expiresAt().atZone(TOWN_TIME)));
        }
        Context context = new Context(Locale.forLanguageTag(language), variables);
        String name = template.name().toLowerCase(Locale.ROOT) + "/" + language;
        try {
            String html = engine.process(name + ".html", context);
            String subject = subjectOf(titleOf(html, name));
            String text = engine.process(name + ".txt", context);
            return new RenderedEmail(subject, text, html, language, listUnsubscribe);
        } catch (TemplateEngineException e) {
            // Thymeleaf names the template and line, never the values: safe to record as the reason
            throw new RenderingFailedException("Template " + name + " cannot be rendered: " + e.getMessage(), e);
        }
    }

    /** What every template sees: its parameters, the town, the portal, and {@code fmt} for amounts and dates. */
    static Map<String, Object> variables(DeliveryOrder order, TownProperties town, PortalProperties portal) {
        Map<String, Object> variables = new HashMap<>(order.parameters());
        variables.put("townName", town.name());
        variables.put("townContactEmail", town.contactEmail());
        variables.put("portalUrl", portal.url());
        variables.put("fmt", new MessageFormats(order.language()));
        return variables;
    }

    private ResolvedLink resolve(DeliveryOrder order, LinkKind kind) throws LinkUnavailableException {
        ResolvedLink link;
        try {
            link = links.linkFor(new LinkRequest(order.messageId(), kind, order.linkRequestId(), order.familyId(),
                    order.recipient(), order.parameters()));
        } catch (LinkUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LinkUnavailableException("Lien " + kind + " indisponible : " + e.getClass().getSimpleName(),
                    false, e);
        }
        if (link == null || !link.isWebLink()) {
            throw new LinkUnavailableException("Lien " + kind + " invalide : une adresse http(s) absolue est attendue");
        }
        return link;
    }

    /** The rendered {@code <title>} element, as plain text on one line (a header never holds a line break). */
    /** The rendered {@code <title>} element: one rendering gives both the subject and the body. */
    private static String titleOf(String html, String name) {
        Matcher title = TITLE.matcher(html);
        if (!title.find()) {
            throw new RenderingFailedException("Template " + name + " has no <title>, the email's subject", null);
        }
        return title.group(1);
    }

    static String subjectOf(String renderedTitle) {
        String text = HtmlUtils.htmlUnescape(renderedTitle.replaceAll("<[^>]*>", ""));
        return text.replaceAll("\\s+", " ").strip();
    }

    /** The longest the link lookup of one rendering may take. */
    public Duration longestLinkCall() {
        return links.longestCall();
    }

    @Override
    public String toString() {
        return "EmailRenderer[" + town.name() + "]";
    }
}
