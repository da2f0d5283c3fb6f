package fr.marelle.notification.family;

import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.NotificationKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

public final class FamilyNotificationsCommands {

    private FamilyNotificationsCommands() {
    }

    /**
     * The family (or staff for it) chooses the channels of some kinds of messages; the kinds not named keep their
     * current choice. Answers the family's choices after the change, every kind included.
     */
    public record ChooseChannels(@TargetAggregateIdentifier FamilyId familyId,
                                 Map<NotificationKind, Set<Channel>> choices, Instant at) {
    }

    /**
     * A fact calls for a message of this kind to the family, now ({@code at}): decide its channels by the family's
     * choices and the rules. {@code emailReachable} / {@code smsReachable}: whether someone in the family has an
     * email address / a mobile number. Answers the {@link NotificationPlan}.
     */
    public record PlanNotification(@TargetAggregateIdentifier FamilyId familyId, NotificationKind kind,
                                   String causeId, Instant at, boolean emailReachable, boolean smsReachable) {
    }

    /** Someone followed the unsubscribe link of a newsletter: the family gets no more newsletters. */
    public record StopNewsletter(@TargetAggregateIdentifier FamilyId familyId, Instant at) {
    }
}
