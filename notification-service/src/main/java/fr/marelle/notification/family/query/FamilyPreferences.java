package fr.marelle.notification.family.query;

import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.NotificationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Queries of {@code rm_notification_preferences}: a family's channels per kind, its defaults filled in. */
@Component
public class FamilyPreferences {

    private final JdbcClient jdbc;

    FamilyPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every kind a family chooses for, with its channels: its choice, else the kind's defaults. */
    public Map<NotificationKind, Set<Channel>> of(UUID familyId) {
        Map<NotificationKind, Set<Channel>> channels = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.chosenByFamilies()) {
            channels.put(kind, kind.defaults());
        }
        record Row(String kind, boolean email, boolean sms) {
        }
        for (Row row : jdbc.sql("SELECT kind, email, sms FROM rm_notification_preferences WHERE family_id = ?")
                .param(familyId).query(Row.class).list()) {
            NotificationKind.named(row.kind()).filter(NotificationKind::isChosenByFamily).ifPresent(kind -> {
                Set<Channel> chosen = EnumSet.noneOf(Channel.class);
                if (row.email()) {
                    chosen.add(Channel.EMAIL);
                }
                if (row.sms()) {
                    chosen.add(Channel.SMS);
                }
                channels.put(kind, Set.copyOf(chosen));
            });
        }
        return channels;
    }
}
