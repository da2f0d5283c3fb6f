package fr.marelle.notification.family.query;

import fr.marelle.platform.audit.history.TimeTravelView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For the audit console: the channels a family had chosen for each kind of message as of any instant (every
 * {@code ChannelsChosen} names the family). A kind without a row had its defaults then.
 */
@Component
class PreferencesAsOf implements TimeTravelView {

    @Override
    public String name() {
        return "notification-preferences";
    }

    @Override
    public String processingGroup() {
        return PreferencesProjection.PROCESSING_GROUP;
    }

    @Override
    public Object read(JdbcClient readModel, String familyId) {
        return readModel.sql("""
                        SELECT kind, email, sms, via, updated_at FROM rm_notification_preferences
                        WHERE family_id::text = ? ORDER BY kind""")
                .param(familyId).query().listOfRows();
    }
}
