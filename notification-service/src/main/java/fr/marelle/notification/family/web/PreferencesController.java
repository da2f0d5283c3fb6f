package fr.marelle.notification.family.web;

import fr.marelle.notification.directory.RecipientDirectory;
import fr.marelle.notification.family.FamilyId;
import fr.marelle.notification.family.FamilyNotificationsCommands.ChooseChannels;
import fr.marelle.notification.family.query.FamilyPreferences;
import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.NotificationKind;
import fr.marelle.notification.message.sms.SmsAvailability;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A family's notification preferences ("Mes notifications", screen 21): for each kind of message, by email and/or
 * SMS. A parent sees and changes their own family's (another family's id answers 404); staff read any family's,
 * ADMIN and AGENT change them on the family's behalf. SMS are offered only to a family with a mobile number, and
 * only when an SMS gateway is configured.
 */
@RestController
class PreferencesController {

    /** Whether SMS can be chosen, and why not: {@code NO_MOBILE} (nobody in the family has one), {@code NO_GATEWAY}. */
    record SmsOffer(boolean available, String reason) {
    }

    /** One kind of message: the channels it offers, those the family gets, and its defaults. */
    record KindView(String kind, List<String> offered, boolean email, boolean sms, List<String> defaults) {
    }

    /**
     * @param newsletterConsent whether at least one guardian accepted the newsletter in their profile (the
     *                          newsletter goes only to them)
     */
    record PreferencesView(UUID familyId, SmsOffer sms, boolean newsletterConsent, List<KindView> kinds) {
    }

    /** The channels wanted for some kinds; kinds not named keep their current channels. */
    record ChannelsRequest(Map<String, Choice> kinds) {
    }

    record Choice(Boolean email, Boolean sms) {
    }

    private final FamilyPreferences preferences;
    private final RecipientDirectory directory;
    private final SmsAvailability sms;
    private final CommandGateway commands;
    private final Clock clock;

    PreferencesController(FamilyPreferences preferences, RecipientDirectory directory, SmsAvailability sms,
                          CommandGateway commands, Clock clock) {
        this.preferences = preferences;
        this.directory = directory;
        this.sms = sms;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/api/notification-preferences")
    PreferencesView get(@RequestParam(name = "familyId", required = false) UUID familyId) {
        // a person only: an application acting for itself reads no family's choices
        Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR);
        UUID family = UUID.fromString(Callers.familyScope(familyId == null ? null : familyId.toString()));
        return view(family, preferences.of(family));
    }

    @PutMapping("/api/notification-preferences")
    PreferencesView choose(@RequestParam(name = "familyId", required = false) UUID familyId,
                           @RequestBody ChannelsRequest request) {
        if (Callers.current().role() != Role.PARENT) {
            Callers.require(Role.ADMIN, Role.AGENT);
        }
        UUID family = UUID.fromString(Callers.familyScope(familyId == null ? null : familyId.toString()));
        SmsOffer offer = smsOffer(family);
        Map<NotificationKind, Set<Channel>> choices = new EnumMap<>(NotificationKind.class);
        List<FieldViolation> violations = new ArrayList<>();
        Map<String, Choice> asked = request == null || request.kinds() == null ? Map.of() : request.kinds();
        asked.forEach((name, choice) -> {
            NotificationKind kind = NotificationKind.named(name).filter(NotificationKind::isChosenByFamily)
                    .orElse(null);
            if (kind == null) {
                violations.add(new FieldViolation("kinds." + name, "UNKNOWN_KIND", "Type de message inconnu."));
                return;
            }
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            if (choice != null && Boolean.TRUE.equals(choice.email())) {
                channels.add(Channel.EMAIL);
            }
            if (choice != null && Boolean.TRUE.equals(choice.sms())) {
                if (!kind.offers(Channel.SMS)) {
                    violations.add(new FieldViolation("kinds." + name + ".sms", "CHANNEL_NOT_OFFERED",
                            "Ce message n'est pas proposé par SMS."));
                } else if (!offer.available()) {
                    violations.add(new FieldViolation("kinds." + name + ".sms", "SMS_" + offer.reason(),
                            "NO_MOBILE".equals(offer.reason())
                                    ? "Ajoutez un numéro de portable dans votre profil pour recevoir des SMS."
                                    : "La commune n'envoie pas de SMS pour le moment."));
                }
                channels.add(Channel.SMS);
            }
            choices.put(kind, channels);
        });
        if (!violations.isEmpty()) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains choix ne sont pas possibles.", violations);
        }
        Map<NotificationKind, Set<Channel>> after = commands.sendAndWait(
                new ChooseChannels(new FamilyId(family), choices, clock.instant()));
        return view(family, after);
    }

    private PreferencesView view(UUID family, Map<NotificationKind, Set<Channel>> channels) {
        List<KindView> kinds = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.chosenByFamilies()) {
            Set<Channel> chosen = channels.getOrDefault(kind, kind.defaults());
            kinds.add(new KindView(kind.name(), names(kind.offered()), chosen.contains(Channel.EMAIL),
                    chosen.contains(Channel.SMS), names(kind.defaults())));
        }
        boolean consent = directory.guardiansOf(family.toString()).stream()
                .anyMatch(RecipientDirectory.GuardianContact::newsletterConsent);
        return new PreferencesView(family, smsOffer(family), consent, kinds);
    }

    private SmsOffer smsOffer(UUID family) {
        if (!sms.configured()) {
            return new SmsOffer(false, "NO_GATEWAY");
        }
        if (directory.recipientsOf(family.toString(), Channel.SMS).isEmpty()) {
            return new SmsOffer(false, "NO_MOBILE");
        }
        return new SmsOffer(true, null);
    }

    private static List<String> names(Set<Channel> channels) {
        Map<String, Boolean> ordered = new LinkedHashMap<>();
        for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
            if (channels.contains(channel)) {
                ordered.put(channel.name(), true);
            }
        }
        return List.copyOf(ordered.keySet());
    }
}
