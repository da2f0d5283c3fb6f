package fr.marelle.notification.message.delivery;

/** What the SMTP server said when it accepted a message: its {@code Message-ID} and the server's last reply. */
record SentEmail(String messageIdHeader, String serverReply) {
}
