package fr.marelle.notification.family;

import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.NotificationKind;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules of a family's notifications, named. */
final class FamilyNotificationRules {

    private FamilyNotificationRules() {
    }

    /**
     * A family chooses channels only for the kinds it may (not the account's own emails), and only among the
     * channels each kind offers (the newsletter is email only).
     */
    static void choicesAreOffered(Map<NotificationKind, Set<Channel>> choices) {
        List<FieldViolation> violations = new ArrayList<>();
        choices.forEach((kind, channels) -> {
            if (kind == null || !kind.isChosenByFamily()) {
                violations.add(new FieldViolation("preferences." + kind, "KIND_NOT_CHOSEN_BY_FAMILY",
                        "Ces messages sont toujours envoyés par e-mail."));
                return;
            }
            for (Channel channel : channels == null ? Set.<Channel>of() : channels) {
                if (!kind.offers(channel)) {
                    violations.add(new FieldViolation("preferences." + kind + "." + channel.name().toLowerCase(),
                            "CHANNEL_NOT_OFFERED", "Ce message n'est pas proposé par " + label(channel) + "."));
                }
            }
        });
        if (!violations.isEmpty()) {
            throw DomainException.invalid("CHANNEL_NOT_OFFERED", "Certains choix ne sont pas proposés.", violations);
        }
    }

    /** The channels of a kind: the family's choice, else the kind's defaults. */
    static Set<Channel> channelsOf(NotificationKind kind, Map<NotificationKind, Set<Channel>> chosen) {
        Set<Channel> channels = chosen.get(kind);
        return channels != null ? channels : kind.defaults();
    }

    /** No SMS at night: one decided at night leaves when the night ends; the email is not deferred. */
    static Instant smsTime(Instant at, SmsWindow window) {
        return window.earliestSms(at);
    }

    /**
     * At most one SMS per family, kind and day (the town's day the SMS leaves on): a second one that day is
     * withheld; the email, if chosen, still goes.
     */
    static boolean smsAllowedThatDay(LocalDate day, LocalDate lastSmsDay) {
        return lastSmsDay == null || !lastSmsDay.equals(day);
    }

    private static String label(Channel channel) {
        return channel == Channel.SMS ? "SMS" : "e-mail";
    }
}
