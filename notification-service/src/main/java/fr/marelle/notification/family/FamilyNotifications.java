package fr.marelle.notification.family;

import fr.marelle.notification.family.FamilyNotificationsCommands.ChooseChannels;
import fr.marelle.notification.family.FamilyNotificationsCommands.PlanNotification;
import fr.marelle.notification.family.FamilyNotificationsCommands.StopNewsletter;
import fr.marelle.notification.family.FamilyNotificationsEvents.ChannelsChosen;
import fr.marelle.notification.family.FamilyNotificationsEvents.NotificationPlanned;
import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.NotificationKind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What a family gets, and how: its choices of channels for each kind of message (screen 21, "Mes notifications"),
 * and the decision, for each fact that calls for a message, of its channels by those choices and the town's rules
 * (no SMS at night, at most one SMS per kind and day). One per family, created by its first choice or its first
 * message; a family that chose nothing gets each kind's defaults.
 */
@Aggregate
public class FamilyNotifications {

    static final String VIA_PREFERENCES = "PREFERENCES";
    static final String VIA_UNSUBSCRIBE_LINK = "UNSUBSCRIBE_LINK";
    /** How many causes a family remembers to plan each once (far more than a family gets in a day). */
    static final int RECENT_CAUSES = 100;

    @AggregateIdentifier
    private FamilyId familyId;
    private final Map<NotificationKind, Set<Channel>> chosen = new EnumMap<>(NotificationKind.class);
    /** The town's day of the last SMS decided, per kind. */
    private final Map<NotificationKind, LocalDate> lastSmsDay = new EnumMap<>(NotificationKind.class);
    /** The plans of the latest causes: the same cause twice (a fact published again) is planned once. */
    private final Map<String, NotificationPlan> recentPlans = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, NotificationPlan> eldest) {
            return size() > RECENT_CAUSES;
        }
    };

    protected FamilyNotifications() {
    }

    /** A choice that changes nothing records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Map<NotificationKind, Set<Channel>> handle(ChooseChannels command) {
        FamilyNotificationRules.choicesAreOffered(command.choices());
        Map<NotificationKind, Set<Channel>> after = new EnumMap<>(NotificationKind.class);
        after.putAll(chosen);
        command.choices().forEach((kind, channels) -> after.put(kind,
                channels == null || channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels)));
        if (familyId == null || !after.equals(chosen)) {
            apply(new ChannelsChosen(command.familyId(), copy(after), VIA_PREFERENCES, command.at()));
        }
        return effective();
    }

    /** The unsubscribe link of a newsletter turns the newsletter off for the whole family, once. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StopNewsletter command) {
        if (familyId != null && FamilyNotificationRules.channelsOf(NotificationKind.NEWSLETTER, chosen).isEmpty()) {
            return;
        }
        Map<NotificationKind, Set<Channel>> after = new EnumMap<>(NotificationKind.class);
        after.putAll(chosen);
        after.put(NotificationKind.NEWSLETTER, EnumSet.noneOf(Channel.class));
        apply(new ChannelsChosen(command.familyId(), copy(after), VIA_UNSUBSCRIBE_LINK, command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public NotificationPlan handle(PlanNotification command, SmsWindow window) {
        NotificationPlan already = recentPlans.get(command.causeId());
        if (already != null) {
            return already;
        }
        Set<Channel> channels = FamilyNotificationRules.channelsOf(command.kind(), chosen);
        boolean email = channels.contains(Channel.EMAIL) && command.emailReachable();
        Instant smsAt = null;
        String withheld = null;
        if (channels.contains(Channel.SMS)) {
            if (!command.smsReachable()) {
                withheld = NotificationPlan.NO_MOBILE;
            } else {
                Instant at = FamilyNotificationRules.smsTime(command.at(), window);
                if (FamilyNotificationRules.smsAllowedThatDay(window.dayOf(at), lastSmsDay.get(command.kind()))) {
                    smsAt = at;
                } else {
                    withheld = NotificationPlan.DAILY_LIMIT;
                }
            }
        }
        apply(new NotificationPlanned(command.familyId(), command.kind(), command.causeId(), email, smsAt,
                smsAt == null ? null : window.dayOf(smsAt), withheld, command.at()));
        return new NotificationPlan(email, smsAt, withheld);
    }

    /** Every kind a family chooses for, with its channels (its choice, else the defaults). */
    private Map<NotificationKind, Set<Channel>> effective() {
        Map<NotificationKind, Set<Channel>> effective = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.chosenByFamilies()) {
            effective.put(kind, Set.copyOf(FamilyNotificationRules.channelsOf(kind, chosen)));
        }
        return effective;
    }

    private static Map<NotificationKind, Set<Channel>> copy(Map<NotificationKind, Set<Channel>> choices) {
        Map<NotificationKind, Set<Channel>> copy = new EnumMap<>(NotificationKind.class);
        choices.forEach((kind, channels) -> copy.put(kind, Set.copyOf(channels)));
        return copy;
    }

    @EventSourcingHandler
    void on(ChannelsChosen event) {
        this.familyId = event.familyId();
        this.chosen.clear();
        event.choices().forEach((kind, channels) -> chosen.put(kind,
                channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels)));
    }

    @EventSourcingHandler
    void on(NotificationPlanned event) {
        this.familyId = event.familyId();
        if (event.smsDay() != null) {
            lastSmsDay.put(event.kind(), event.smsDay());
        }
        recentPlans.put(event.causeId(), new NotificationPlan(event.email(), event.smsAt(), event.smsWithheld()));
    }
}
