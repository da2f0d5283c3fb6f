package fr.marelle.planning.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The school calendar as the rules read it: what kind of day a date is, whether it is a working day, which holiday
 * it falls in. Immutable; built from the calendar's read model (or directly, in tests).
 */
public final class CalendarView {

    public static final Set<DayOfWeek> FOUR_DAY_WEEK = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    static final String SUMMER = "Vacances d'été";

    private final List<SchoolYear> years;
    private final Map<LocalDate, String> publicHolidays;
    private final Set<DayOfWeek> schoolWeekdays;

    public CalendarView(List<SchoolYear> years, List<PublicHoliday> publicHolidays, Set<DayOfWeek> schoolWeekdays) {
        this.years = years.stream().sorted(Comparator.comparing(SchoolYear::firstDay)).toList();
        TreeMap<LocalDate, String> holidays = new TreeMap<>();
        publicHolidays.forEach(h -> holidays.put(h.date(), h.name()));
        this.publicHolidays = holidays;
        this.schoolWeekdays = Set.copyOf(schoolWeekdays);
    }

    public static CalendarView empty() {
        return new CalendarView(List.of(), List.of(), FOUR_DAY_WEEK);
    }

    public List<SchoolYear> years() {
        return years;
    }

    public Map<LocalDate, String> publicHolidays() {
        return publicHolidays;
    }

    public DayKind kindOf(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return DayKind.WEEKEND;
        }
        if (publicHolidays.containsKey(day)) {
            return DayKind.PUBLIC_HOLIDAY;
        }
        Optional<SchoolYear> year = yearOf(day);
        if (year.isPresent()) {
            if (year.get().holidays().stream().anyMatch(h -> h.contains(day))) {
                return DayKind.HOLIDAY;
            }
            return schoolWeekdays.contains(day.getDayOfWeek()) ? DayKind.SCHOOL_DAY : DayKind.WEDNESDAY;
        }
        return summerHoliday(day) ? DayKind.HOLIDAY : DayKind.UNKNOWN;
    }

    /** Not a weekend, not a public holiday (deadlines may be counted in working days). */
    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !publicHolidays.containsKey(day);
    }

    public Optional<SchoolYear> yearOf(LocalDate day) {
        return years.stream().filter(y -> y.contains(day)).findFirst();
    }

    /** The name of the holiday (or public holiday) the day falls in, if any. */
    public Optional<String> holidayName(LocalDate day) {
        if (publicHolidays.containsKey(day)) {
            return Optional.of(publicHolidays.get(day));
        }
        Optional<SchoolYear> year = yearOf(day);
        if (year.isPresent()) {
            return year.get().holidays().stream().filter(h -> h.contains(day)).map(Holiday::name).findFirst();
        }
        return summerHoliday(day) ? Optional.of(SUMMER) : Optional.empty();
    }

    /** Between two known school years, or from the end of the last one to the end of August. */
    private boolean summerHoliday(LocalDate day) {
        for (int i = 0; i < years.size(); i++) {
            SchoolYear year = years.get(i);
            if (day.isAfter(year.lastDay())) {
                LocalDate nextStart = i + 1 < years.size() ? years.get(i + 1).firstDay()
                        : LocalDate.of(year.lastDay().getYear(), 9, 1);
                if (day.isBefore(nextStart)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first and last days the calendar knows (school years and the summer after the last one). */
    public Optional<LocalDate> firstKnownDay() {
        return years.isEmpty() ? Optional.empty() : Optional.of(years.get(0).firstDay());
    }

    public Optional<LocalDate> lastKnownDay() {
        return years.isEmpty() ? Optional.empty()
                : Optional.of(LocalDate.of(years.get(years.size() - 1).lastDay().getYear(), 8, 31));
    }
}
