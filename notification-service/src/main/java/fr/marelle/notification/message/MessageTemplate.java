package fr.marelle.notification.message;

import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The messages Marelle knows how to write, each with the parameters it needs and the single-use link, if any, that
 * is obtained at render time. Adding a message is adding a constant here and its templates under
 * {@code mail/<name in lower case>/<language>.html|.txt}; a test renders every constant in every language.
 */
public enum MessageTemplate {

    /**
     * A family file was opened by staff on the family's behalf ({@code registeredBy} {@code STAFF}); a parent who
     * registers is welcomed by {@link #VERIFY_EMAIL} instead ({@code PARENT} is still rendered, for older messages).
     */
    WELCOME(Set.of("firstName", "lastName", "registeredBy"), Set.of(), null),
    /** Confirm the address given at registration (or asked for again). */
    VERIFY_EMAIL(Set.of(), Set.of("firstName"), LinkKind.EMAIL_VERIFICATION),
    /** Staff activated the account: every feature is open. */
    ACCOUNT_ACTIVATED(Set.of(), Set.of("firstName"), null),
    /** Staff refused to activate the account, for a reason they wrote. */
    ACCOUNT_REFUSED(Set.of("reason"), Set.of("firstName"), null),
    /** Choose a new password. */
    PASSWORD_RESET(Set.of(), Set.of("firstName"), LinkKind.PASSWORD_RESET),
    /** Confirm a new login address; sent to the new address. */
    EMAIL_CHANGE_CONFIRM(Set.of(), Set.of("firstName"), LinkKind.EMAIL_CHANGE_CONFIRMATION),
    /** The login address changed; sent to the old address, so that an unwanted change is noticed. */
    EMAIL_CHANGED_NOTICE(Set.of(), Set.of("firstName"), null),
    /**
     * Someone tried to register with an address that already has an account; sent to that address, so that the
     * registration page never tells whether an address is known.
     */
    REGISTRATION_ATTEMPT_ON_EXISTING(Set.of(), Set.of("firstName"), null),
    /**
     * Choose a password and log in for the first time: a guardian invited by staff ({@code invitee} {@code GUARDIAN})
     * or a staff member invited by an administrator ({@code STAFF}).
     */
    LOGIN_INVITATION(Set.of("invitee"), Set.of("firstName"), LinkKind.INVITATION),

    // --- what a family chooses to get, by email and/or SMS ("Mes notifications") ----------------------------------

    /** The wallet's main balance went below the family's threshold: amounts in cents. */
    WALLET_BALANCE_LOW(NotificationKind.WALLET_BALANCE_LOW, Set.of("balanceCents", "thresholdCents"),
            Set.of("firstName"), Set.of()),
    /** The wallet's main balance went below zero. */
    WALLET_OVERDRAWN(NotificationKind.WALLET_OVERDRAWN, Set.of("balanceCents"), Set.of("firstName"), Set.of()),
    /**
     * One submission of the planning: {@code booked} and {@code waitlisted} child-days, and {@code summary}, the
     * days per child and service ({@link BookingSummary}, as JSON).
     */
    BOOKINGS_CONFIRMED(NotificationKind.BOOKING_CONFIRMED, Set.of("booked", "waitlisted", "summary"),
            Set.of("firstName"), Set.of()),
    /** A freed place went to the family's child: the service, its day ({@code date}, ISO) and the child. */
    WAITLIST_PLACE_GRANTED(NotificationKind.WAITLIST_PLACE_GRANTED, Set.of("serviceName", "date"),
            Set.of("firstName", "childName"), Set.of("serviceName")),
    /** The town closed a service on a day the family had booked; {@code children}: their first names. */
    SERVICE_DAY_CANCELLED(NotificationKind.SERVICE_DAY_CANCELLED, Set.of("serviceName", "date"),
            Set.of("firstName", "reason", "children"), Set.of("reason", "serviceName", "children")),
    /** Staff refused a document, for a reason shown to the family. */
    DOCUMENT_REJECTED(NotificationKind.DOCUMENT_REJECTED, Set.of("documentTitle", "reason"),
            Set.of("firstName", "childName"), Set.of("reason", "documentTitle")),
    /** Staff approved a document; {@code validUntil} (ISO) when it has an end. */
    DOCUMENT_APPROVED(NotificationKind.DOCUMENT_APPROVED, Set.of("documentTitle"),
            Set.of("firstName", "childName", "validUntil"), Set.of("documentTitle")),
    /** A monthly invoice was issued: its number, period (ISO dates) and total in cents. */
    INVOICE_ISSUED(NotificationKind.INVOICE_ISSUED, Set.of("number", "periodStart", "periodEnd", "totalCents"),
            Set.of("firstName"), Set.of()),
    /** A card top-up went through. */
    TOP_UP_SUCCEEDED(NotificationKind.TOP_UP_RESULT, Set.of("amountCents"), Set.of("firstName"), Set.of()),
    /** A card top-up did not go through: {@code reason} is DECLINED, CANCELLED or EXPIRED. */
    TOP_UP_FAILED(NotificationKind.TOP_UP_RESULT, Set.of("amountCents", "reason"), Set.of("firstName"), Set.of()),
    /**
     * A news item staff wrote ({@code newsletterId}: its subject and text are read from the newsletter when the
     * email is written), by email only, with a link to unsubscribe obtained at that moment.
     */
    NEWSLETTER(NotificationKind.NEWSLETTER, Set.of("newsletterId"), Set.of("firstName"), Set.of());

    /** Who a {@link #LOGIN_INVITATION} invites. */
    public static final String INVITEE_GUARDIAN = "GUARDIAN";
    public static final String INVITEE_STAFF = "STAFF";

    /** A parameter that contains a URL would carry a link through Kafka and the event store: links are resolved. */
    private static final Pattern LOOKS_LIKE_A_LINK = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://|www\\.");
    /** An issuer's request id (a UUID at accounts-service): an identifier, never a URL nor a token. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final NotificationKind kind;
    private final Set<String> required;
    private final Set<String> optional;
    private final LinkKind link;
    private final Set<Channel> channels;
    private final Set<String> shortenable;

    /** An email of the account itself. */
    MessageTemplate(Set<String> required, Set<String> optional, LinkKind link) {
        this.kind = NotificationKind.ACCOUNT;
        this.required = required;
        this.optional = optional;
        this.link = link;
        this.channels = Set.of(Channel.EMAIL);
        this.shortenable = Set.of();
    }

    /**
     * A message a family chooses channels for: on every channel its kind offers.
     *
     * @param shortenable the parameters an SMS may shorten (free text: a reason, a title) to stay within two
     *                    segments
     */
    MessageTemplate(NotificationKind kind, Set<String> required, Set<String> optional, Set<String> shortenable) {
        this.kind = kind;
        this.required = required;
        this.optional = optional;
        this.link = null;
        this.channels = kind.offered();
        this.shortenable = shortenable;
    }

    public static MessageTemplate named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> DomainException.invalid("UNKNOWN_TEMPLATE", "Modèle de message inconnu.",
                        List.of(new FieldViolation("template", "UNKNOWN_TEMPLATE",
                                "Aucun modèle de message ne porte ce nom."))));
    }

    public NotificationKind kind() {
        return kind;
    }

    /** The channels this message can be written for: every one has its templates. */
    public Set<Channel> channels() {
        return channels;
    }

    public boolean supports(Channel channel) {
        return channels.contains(channel);
    }

    /** Free-text parameters an SMS may shorten, longest first, to stay within its segments. */
    public Set<String> shortenableInSms() {
        return shortenable;
    }

    /** Whether the email carries a link to unsubscribe, obtained when it is written. */
    public boolean hasUnsubscribeLink() {
        return this == NEWSLETTER;
    }

    /**
     * Rule: a message is written only on a channel its template exists for (the account's emails and the newsletter
     * are never SMS).
     */
    public void checkChannel(Channel channel) {
        if (channel == null || !supports(channel)) {
            throw DomainException.invalid("TEMPLATE_CHANNEL_UNSUPPORTED", "Ce message ne s'envoie pas sur ce canal.",
                    List.of(new FieldViolation("channel", "TEMPLATE_CHANNEL_UNSUPPORTED",
                            "Le modèle " + name() + " s'envoie par " + channels + " seulement.")));
        }
    }

    public Set<String> requiredParameters() {
        return required;
    }

    public Set<String> optionalParameters() {
        return optional;
    }

    /** The single-use link this message carries, obtained at render time. */
    public Optional<LinkKind> link() {
        return Optional.ofNullable(link);
    }

    /**
     * Rule: a message whose template carries a single-use link names the issuer's request the link is obtained for
     * (an identifier of at most 64 characters); the link itself is never part of the message.
     */
    public void checkLinkRequest(String linkRequestId) {
        if (link == null) {
            return;
        }
        if (linkRequestId == null || linkRequestId.isBlank()) {
            throw DomainException.invalid("LINK_REQUEST_MISSING", "Le message doit désigner la demande de son lien.",
                    List.of(new FieldViolation("linkRequestId", "LINK_REQUEST_MISSING",
                            "Le modèle " + name() + " porte un lien : la demande qui l'autorise est obligatoire.")));
        }
        if (!REQUEST_ID.matcher(linkRequestId.strip()).matches()) {
            throw DomainException.invalid("LINK_REQUEST_INVALID", "La demande du lien est mal désignée.",
                    List.of(new FieldViolation("linkRequestId", "LINK_REQUEST_INVALID",
                            "Un identifiant de demande (64 caractères au plus), jamais un lien.")));
        }
    }

    /**
     * Rule: a message gets exactly the parameters its template knows, the required ones not blank, and none of them
     * is a link.
     */
    public void checkParameters(Map<String, String> parameters) {
        Map<String, String> given = parameters == null ? Map.of() : parameters;
        List<FieldViolation> violations = new ArrayList<>();
        for (String name : required) {
            String value = given.get(name);
            if (value == null || value.isBlank()) {
                violations.add(new FieldViolation("parameters." + name, "TEMPLATE_PARAMETER_MISSING",
                        "Ce paramètre du modèle " + name() + " est obligatoire."));
            }
        }
        for (Map.Entry<String, String> entry : given.entrySet()) {
            if (!required.contains(entry.getKey()) && !optional.contains(entry.getKey())) {
                violations.add(new FieldViolation("parameters." + entry.getKey(), "TEMPLATE_PARAMETER_UNKNOWN",
                        "Le modèle " + name() + " ne connaît pas ce paramètre."));
            } else if (entry.getValue() != null && LOOKS_LIKE_A_LINK.matcher(entry.getValue()).find()) {
                violations.add(new FieldViolation("parameters." + entry.getKey(), "MESSAGE_PARAMETER_IS_A_LINK",
                        "Un lien ne passe jamais en paramètre : il est obtenu à l'envoi."));
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations.get(0).code(), "Les paramètres du message sont invalides.",
                    violations);
        }
    }
}
