package fr.marelle.notification.message.sms;

import fr.marelle.notification.message.MessageId;

/**
 * One SMS to send: to a mobile number in E.164, its text as the network will count it, and a tag naming what it is
 * (the template), for the provider's statistics. The message id is the idempotency key of every attempt. Holds
 * personal data; its {@code toString} shows ids only.
 */
public record SmsRequest(MessageId messageId, String recipient, SmsText text, String tag) {

    @Override
    public String toString() {
        return "SmsRequest[" + messageId + ", " + tag + ", " + text + "]";
    }
}
