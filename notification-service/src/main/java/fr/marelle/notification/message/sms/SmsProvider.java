package fr.marelle.notification.message.sms;

import java.time.Duration;

/**
 * The port through which SMS leave Marelle: a real SMS gateway in production ({@link HttpSmsProvider}), the
 * launcher's sandbox (the same adapter, pointed at it) in a local run. Never called inside a database transaction:
 * a call may take as long as its timeouts.
 */
public interface SmsProvider {

    /**
     * Hands one SMS to the provider.
     *
     * @return the provider's reference for it
     * @throws SmsDeliveryException when the provider did not take it: why, and whether trying again may help
     */
    SmsReceipt send(SmsRequest sms) throws SmsDeliveryException;

    /** The longest one call may take: a delivery attempt's lease must outlast it. */
    Duration longestCall();
}
