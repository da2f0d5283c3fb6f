package fr.marelle.children.child;

import fr.marelle.children.calendar.SchoolYear;

import java.util.Set;
import java.util.UUID;

/**
 * The school a child is enrolled at, as the catalogue describes it when the command is sent: what the child's rules
 * need to decide (open or not, the ages it takes, the classes of the current school year).
 */
public record SchoolChoice(UUID schoolId, boolean active, int minAge, int maxAge, SchoolYear currentYear,
                           Set<UUID> classesOfCurrentYear) {

    public SchoolChoice {
        classesOfCurrentYear = Set.copyOf(classesOfCurrentYear);
    }
}
