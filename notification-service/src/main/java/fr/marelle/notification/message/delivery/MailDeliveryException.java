package fr.marelle.notification.message.delivery;

import fr.marelle.notification.message.DeliveryFailureCode;

/** The SMTP server did not take the message: why, and whether trying again can help. */
class MailDeliveryException extends Exception {

    private final DeliveryFailureCode code;
    private final boolean permanent;

    MailDeliveryException(DeliveryFailureCode code, boolean permanent, String reason, Throwable cause) {
        super(reason, cause);
        this.code = code;
        this.permanent = permanent;
    }

    DeliveryFailureCode code() {
        return code;
    }

    boolean permanent() {
        return permanent;
    }
}
