package fr.marelle.notification.message;

public enum Channel {
    EMAIL, SMS
}
