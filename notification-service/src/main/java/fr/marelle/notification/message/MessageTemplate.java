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
    LOGIN_INVITATION(Set.of("invitee"), Set.of("firstName"), LinkKind.INVITATION);

    /** Who a {@link #LOGIN_INVITATION} invites. */
    public static final String INVITEE_GUARDIAN = "GUARDIAN";
    public static final String INVITEE_STAFF = "STAFF";

    /** A parameter that contains a URL would carry a link through Kafka and the event store: links are resolved. */
    private static final Pattern LOOKS_LIKE_A_LINK = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://|www\\.");
    /** An issuer's request id (a UUID at accounts-service): an identifier, never a URL nor a token. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Set<String> required;
    private final Set<String> optional;
    private final LinkKind link;

    MessageTemplate(Set<String> required, Set<String> optional, LinkKind link) {
        this.required = required;
        this.optional = optional;
        this.link = link;
    }

    public static MessageTemplate named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> DomainException.invalid("UNKNOWN_TEMPLATE", "Modèle de message inconnu.",
                        List.of(new FieldViolation("template", "UNKNOWN_TEMPLATE",
                                "Aucun modèle de message ne porte ce nom."))));
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
