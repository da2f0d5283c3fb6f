package fr.marelle.notification;

import fr.marelle.platform.MarelleApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Notification preferences, outgoing emails and SMS, newsletters. */
@SpringBootApplication
public class NotificationApplication {

    public static void main(String[] args) {
        MarelleApplication.run(NotificationApplication.class, args);
    }
}
