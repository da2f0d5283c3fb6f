package fr.marelle.notification.family;

import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.NotificationKind;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

public final class FamilyNotificationsEvents {

    private FamilyNotificationsEvents() {
    }

    /**
     * The family's choices of channels, every kind it has chosen for (the others get their defaults), as they now
     * are. {@code via}: {@code PREFERENCES} (the page or the API, by a parent or staff; who is in the metadata) or
     * {@code UNSUBSCRIBE_LINK} (a newsletter's link).
     */
    @Revision("1")
    public record ChannelsChosen(FamilyId familyId, Map<NotificationKind, Set<Channel>> choices, String via,
                                 Instant at) {
    }

    /**
     * A message of this kind was decided for the family, because of {@code causeId}: an email or not, an SMS at
     * {@code smsAt} (on the town's day {@code smsDay}) or none ({@code smsWithheld} says why when the family chose
     * SMS).
     */
    @Revision("1")
    public record NotificationPlanned(FamilyId familyId, NotificationKind kind, String causeId, boolean email,
                                      Instant smsAt, LocalDate smsDay, String smsWithheld, Instant at) {
    }
}
