package fr.marelle.notification.family.query;

import fr.marelle.notification.family.FamilyNotificationsEvents.ChannelsChosen;
import fr.marelle.notification.message.Channel;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;

/**
 * The kinds each family chose channels for ({@code rm_notification_preferences}; a kind without a row gets its
 * defaults). Rebuilt by resetting the processor "notification-preferences"; sends nothing.
 */
@Component
@ProcessingGroup(PreferencesProjection.PROCESSING_GROUP)
@ProjectionTables("rm_notification_preferences")
class PreferencesProjection {

    static final String PROCESSING_GROUP = "notification-preferences";

    private final JdbcClient jdbc;

    PreferencesProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ChannelsChosen event) {
        jdbc.sql("DELETE FROM rm_notification_preferences WHERE family_id = ?").param(event.familyId().value())
                .update();
        event.choices().forEach((kind, channels) -> jdbc.sql("""
                        INSERT INTO rm_notification_preferences (family_id, kind, email, sms, via, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(event.familyId().value(), kind.name(), channels.contains(Channel.EMAIL),
                        channels.contains(Channel.SMS), event.via(), event.at().atOffset(ZoneOffset.UTC))
                .update());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_notification_preferences").update();
    }
}
