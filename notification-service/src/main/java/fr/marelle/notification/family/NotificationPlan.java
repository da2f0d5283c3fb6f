package fr.marelle.notification.family;

import java.time.Instant;

/**
 * What a family gets for one notification, by the rules: an email now, or not; an SMS at {@code smsAt} (now, or the
 * morning after a night), or none, with {@code smsWithheld} saying why when the family chose SMS.
 *
 * @param smsWithheld {@code null}, {@link #DAILY_LIMIT} or {@link #NO_MOBILE}
 */
public record NotificationPlan(boolean email, Instant smsAt, String smsWithheld) {

    /** The family already had an SMS of this kind that day. */
    public static final String DAILY_LIMIT = "DAILY_LIMIT";
    /** The family chose SMS but nobody in it has a mobile number. */
    public static final String NO_MOBILE = "NO_MOBILE";

    public boolean sms() {
        return smsAt != null;
    }
}
