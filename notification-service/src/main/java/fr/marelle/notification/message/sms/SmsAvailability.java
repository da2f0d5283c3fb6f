package fr.marelle.notification.message.sms;

/** Whether this service can send SMS at all (a gateway is configured): families are offered SMS only then. */
public record SmsAvailability(boolean configured) {
}
