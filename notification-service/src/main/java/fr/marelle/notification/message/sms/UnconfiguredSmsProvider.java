package fr.marelle.notification.message.sms;

import fr.marelle.notification.message.DeliveryFailureCode;

import java.time.Duration;

/**
 * No SMS gateway is configured ({@code MARELLE_SMS_URL}): families are not offered SMS, and an SMS queued anyway
 * (preferences chosen while a gateway was configured) fails its attempts with that reason, then waits for staff to
 * requeue it once the gateway is set.
 */
public class UnconfiguredSmsProvider implements SmsProvider {

    @Override
    public SmsReceipt send(SmsRequest sms) throws SmsDeliveryException {
        throw new SmsDeliveryException(DeliveryFailureCode.SMS_UNAVAILABLE, false,
                "Aucune passerelle SMS n'est configurée (MARELLE_SMS_URL)", null);
    }

    @Override
    public Duration longestCall() {
        return Duration.ZERO;
    }
}
