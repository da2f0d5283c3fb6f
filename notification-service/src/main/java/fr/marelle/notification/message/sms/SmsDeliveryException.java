package fr.marelle.notification.message.sms;

import fr.marelle.notification.message.DeliveryFailureCode;

/** The SMS provider did not take the message: why, and whether trying again can help. */
public class SmsDeliveryException extends Exception {

    private final DeliveryFailureCode code;
    private final boolean permanent;

    public SmsDeliveryException(DeliveryFailureCode code, boolean permanent, String reason, Throwable cause) {
        super(reason, cause);
        this.code = code;
        this.permanent = permanent;
    }

    public DeliveryFailureCode code() {
        return code;
    }

    public boolean permanent() {
        return permanent;
    }
}
