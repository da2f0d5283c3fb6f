package fr.marelle.notification.newsletter.web;

import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.DeliveryOrder;
import fr.marelle.notification.message.Language;
import fr.marelle.notification.message.MessageId;
import fr.marelle.notification.message.MessageTemplate;
import fr.marelle.notification.message.rendering.EmailRenderer;
import fr.marelle.notification.message.rendering.LinkProvider;
import fr.marelle.notification.message.rendering.LinkUnavailableException;
import fr.marelle.notification.message.rendering.NewsletterContents.NewsletterContent;
import fr.marelle.notification.message.rendering.PortalProperties;
import fr.marelle.notification.message.rendering.RenderedEmail;
import fr.marelle.notification.message.rendering.TownProperties;
import fr.marelle.notification.newsletter.NewsletterCommands.ReviseNewsletter;
import fr.marelle.notification.newsletter.NewsletterCommands.SendNewsletter;
import fr.marelle.notification.newsletter.NewsletterCommands.WriteNewsletter;
import fr.marelle.notification.newsletter.EventStoreNewsletterContents;
import fr.marelle.notification.newsletter.NewsletterId;
import fr.marelle.notification.newsletter.query.Newsletters;
import fr.marelle.notification.newsletter.query.Newsletters.NewsletterView;
import fr.marelle.notification.newsletter.query.Newsletters.Progress;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.security.Callers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The town's newsletters, for staff: write, revise, preview, send to the families who consented, and follow the
 * sending. Every staff role reads them; ADMIN and AGENT write and send.
 */
@RestController
class NewsletterController {

    static final int LIST_LIMIT = 100;

    record NewsletterRequest(String subject, String body) {
    }

    /** A newsletter with where its sending stands ({@code progress} once sent). */
    record NewsletterDetail(NewsletterView newsletter, Progress progress) {
    }

    /** The email as a family would get it (greeting without a name, an example unsubscribe link). */
    record Preview(String subject, String text, String html, String language, long audience) {
    }

    private final Newsletters newsletters;
    private final EventStoreNewsletterContents events;
    private final CommandGateway commands;
    private final TownProperties town;
    private final PortalProperties portal;
    private final JdbcClient jdbc;
    private final Clock clock;

    NewsletterController(Newsletters newsletters, EventStoreNewsletterContents events, CommandGateway commands,
                         TownProperties town, PortalProperties portal, JdbcClient jdbc, Clock clock) {
        this.newsletters = newsletters;
        this.events = events;
        this.commands = commands;
        this.town = town;
        this.portal = portal;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/api/newsletters")
    List<NewsletterView> list() {
        requireStaff();
        return newsletters.latest(LIST_LIMIT);
    }

    @PostMapping("/api/newsletters")
    @ResponseStatus(HttpStatus.CREATED)
    NewsletterDetail write(@RequestBody NewsletterRequest request) {
        Callers.require(Role.ADMIN, Role.AGENT);
        NewsletterId id = NewsletterId.random();
        commands.sendAndWait(new WriteNewsletter(id, subject(request), body(request), clock.instant()));
        return detailAfterWrite(id.value(), request);
    }

    @GetMapping("/api/newsletters/{newsletterId}")
    NewsletterDetail one(@PathVariable UUID newsletterId) {
        requireStaff();
        NewsletterView newsletter = find(newsletterId);
        return new NewsletterDetail(newsletter, "DRAFT".equals(newsletter.status()) ? null
                : newsletters.progress(newsletter));
    }

    @PutMapping("/api/newsletters/{newsletterId}")
    NewsletterDetail revise(@PathVariable UUID newsletterId, @RequestBody NewsletterRequest request) {
        Callers.require(Role.ADMIN, Role.AGENT);
        send(new ReviseNewsletter(new NewsletterId(newsletterId), subject(request), body(request), clock.instant()));
        return detailAfterWrite(newsletterId, request);
    }

    /** Starts the sending: 202, the progress then shows on the newsletter. */
    @PostMapping("/api/newsletters/{newsletterId}/sending")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> startSending(@PathVariable UUID newsletterId) {
        Callers.require(Role.ADMIN, Role.AGENT);
        send(new SendNewsletter(new NewsletterId(newsletterId), clock.instant()));
        return Map.of("newsletterId", newsletterId, "status", "SENT");
    }

    /** The email in French (or {@code language=en}) as the families will get it, and how many would get it now. */
    @GetMapping("/api/newsletters/{newsletterId}/preview")
    Preview preview(@PathVariable UUID newsletterId,
                    @RequestParam(name = "language", defaultValue = "fr") String language) {
        requireStaff();
        NewsletterView newsletter = find(newsletterId);
        String lang = Language.normalise(language);
        NewsletterContent content = new NewsletterContent(newsletter.subject(), newsletter.body());
        String exampleLink = portal.url().replaceAll("/+$", "") + "/newsletter/desinscription?jeton=exemple";
        EmailRenderer renderer = new EmailRenderer(town, portal, LinkProvider.unavailable("aperçu"),
                id -> Optional.of(content), familyId -> exampleLink);
        DeliveryOrder order = new DeliveryOrder(new MessageId(UUID.randomUUID()), 1, UUID.randomUUID().toString(),
                Channel.EMAIL, "apercu@example.org", MessageTemplate.NEWSLETTER.name(), lang,
                Map.of("newsletterId", newsletterId.toString()), null);
        RenderedEmail email;
        try {
            email = renderer.render(order);
        } catch (LinkUnavailableException e) {
            throw new IllegalStateException(e);
        }
        return new Preview(email.subject(), email.text(), email.html(), lang, audienceNow());
    }

    /** The guardians who would get a newsletter sent now (the same rule as the sending's audience). */
    private long audienceNow() {
        return jdbc.sql("""
                        SELECT count(*) FROM directory_guardian g
                        WHERE g.newsletter_consent
                          AND coalesce(g.notification_email, g.login_email) IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM rm_notification_preferences p
                                          WHERE p.family_id = g.family_id AND p.kind = 'NEWSLETTER' AND NOT p.email)""")
                .query(Long.class).single();
    }

    /** The read model's newsletter, else (just written, the read model a moment behind) its own events'. */
    private NewsletterView find(UUID newsletterId) {
        return newsletters.byId(newsletterId).orElseGet(() -> events.current(newsletterId.toString())
                .map(c -> new NewsletterView(newsletterId, c.subject(), c.body(), c.sent() ? "SENT" : "DRAFT",
                        c.writtenBy(), utc(c.writtenAt()), utc(c.writtenAt()), utc(c.sentAt()), null))
                .orElseThrow(NewsletterController::notFound));
    }

    private static java.time.OffsetDateTime utc(java.time.Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    /** The newsletter as written (the read model follows a moment later). */
    private NewsletterDetail detailAfterWrite(UUID id, NewsletterRequest request) {
        NewsletterView known = newsletters.byId(id).orElse(null);
        return new NewsletterDetail(new NewsletterView(id, request.subject().strip(), request.body().strip(),
                "DRAFT", known == null ? Callers.current().id() : known.writtenBy(),
                known == null ? null : known.createdAt(), null, null, null), null);
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw notFound();
        }
    }

    private static String subject(NewsletterRequest request) {
        return request == null ? null : request.subject();
    }

    private static String body(NewsletterRequest request) {
        return request == null ? null : request.body();
    }

    private static void requireStaff() {
        Callers.require(Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR);
    }

    private static DomainException notFound() {
        return DomainException.notFound("NEWSLETTER_NOT_FOUND", "Lettre d'information introuvable.");
    }
}
