package fr.marelle.planning.calendar;

/** What a day is for the town's services, from the school calendar and the public holidays. */
public enum DayKind {
    /** A weekday of the school week during the school year (Monday, Tuesday, Thursday, Friday by default). */
    SCHOOL_DAY,
    /** A weekday of the school year without school (Wednesday in a four-day week). */
    WEDNESDAY,
    /** A weekday of the school holidays (summer included). */
    HOLIDAY,
    PUBLIC_HOLIDAY,
    WEEKEND,
    /** Outside the school years the calendar knows: nothing can be booked. */
    UNKNOWN
}
