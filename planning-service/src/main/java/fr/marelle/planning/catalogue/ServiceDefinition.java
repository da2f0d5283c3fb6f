package fr.marelle.planning.catalogue;

import fr.marelle.planning.calendar.DayKind;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * What a service of the catalogue is and how it is booked.
 *
 * @param code             stable code staff give it (e.g. {@code CANTEEN}); the service id derives from it
 * @param runsOn           the kinds of days it runs: school days, Wednesdays, holidays
 * @param capacity         places per day (per school when {@code schoolCapacities} names the child's school)
 * @param schoolCapacities places per day at a given school, when the service counts them per school
 * @param requirements     what a child must have (children-service's codes, e.g. {@code PHOTO}) to be booked
 * @param cesuClass        {@code DAYCARE}, {@code LEISURE_CENTRE} or {@code NONE}
 * @param unit             {@code DAY} or {@code SESSION}: what one booking is
 * @param hoursPerUnit     hours one attended booking counts for the CAF
 */
public record ServiceDefinition(String code, String name, String description, Set<DayKind> runsOn, int capacity,
                                Map<String, Integer> schoolCapacities, DeadlineRule bookingDeadline,
                                DeadlineRule cancellationDeadline, Set<String> requirements, String cesuClass,
                                String unit, BigDecimal hoursPerUnit) {

    public ServiceDefinition {
        runsOn = runsOn == null ? Set.of() : Set.copyOf(runsOn);
        schoolCapacities = schoolCapacities == null ? Map.of() : Map.copyOf(schoolCapacities);
        requirements = requirements == null ? Set.of() : Set.copyOf(requirements);
    }

    /** The service id derived from a code: {@code MORNING_DAYCARE} → {@code morning-daycare}. */
    public static String idOf(String code) {
        return code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The pool a child's booking counts in: the child's school when it has its own capacity, else the whole day. */
    public String poolFor(String schoolId) {
        return schoolId != null && schoolCapacities.containsKey(schoolId) ? schoolId : "*";
    }

    public int capacityOf(String pool) {
        return "*".equals(pool) ? capacity : schoolCapacities.getOrDefault(pool, capacity);
    }
}
