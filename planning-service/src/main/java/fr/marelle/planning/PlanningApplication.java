package fr.marelle.planning;

import fr.marelle.platform.MarelleApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Service catalogue, school calendar, bookings, place allocation per service-day, attendance registers. */
@SpringBootApplication
public class PlanningApplication {

    public static void main(String[] args) {
        MarelleApplication.run(PlanningApplication.class, args);
    }
}
