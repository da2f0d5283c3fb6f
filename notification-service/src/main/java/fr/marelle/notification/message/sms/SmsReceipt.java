package fr.marelle.notification.message.sms;

/** The provider took the SMS: its reference for it, and a short summary of its answer (for staff). */
public record SmsReceipt(String reference, String reply) {
}
