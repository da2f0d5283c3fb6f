package fr.marelle.planning.catalogue;

import fr.marelle.planning.calendar.CalendarView;
import fr.marelle.planning.calendar.Holiday;
import fr.marelle.planning.calendar.PublicHoliday;
import fr.marelle.planning.calendar.SchoolYear;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadline policy: the three forms, working days, and Europe/Paris across daylight-saving changes. */
class DeadlinesTest {

    static final CalendarView CALENDAR = new CalendarView(List.of(new SchoolYear("2026-2027", "B",
            LocalDate.of(2026, 9, 1), LocalDate.of(2027, 7, 2), List.of(new Holiday("Vacances de la Toussaint",
            LocalDate.of(2026, 10, 17), LocalDate.of(2026, 11, 1))))),
            List.of(new PublicHoliday(LocalDate.of(2026, 11, 11), "11 novembre"),
                    new PublicHoliday(LocalDate.of(2027, 3, 29), "Lundi de Pâques"),
                    new PublicHoliday(LocalDate.of(2026, 5, 14), "Ascension"),
                    new PublicHoliday(LocalDate.of(2027, 1, 1), "1er janvier")),
            CalendarView.FOUR_DAY_WEEK);

    static ZonedDateTime deadline(LocalDate day, DeadlineRule rule) {
        return Deadlines.deadline(day, rule, CALENDAR);
    }

    static String instant(ZonedDateTime at) {
        return at.toInstant().toString();
    }

    @Nested
    class N_days_before_at_a_time {

        @Test
        void counts_calendar_days_and_keeps_the_wall_clock_time_in_paris() {
            ZonedDateTime d = deadline(LocalDate.of(2026, 9, 10), DeadlineRule.daysBefore(2, LocalTime.of(10, 0), false));
            assertThat(d.toLocalDateTime()).isEqualTo(LocalDate.of(2026, 9, 8).atTime(10, 0));
            assertThat(instant(d)).isEqualTo("2026-09-08T08:00:00Z"); // summer time, UTC+2
        }

        @Test
        void zero_days_is_the_day_itself() {
            assertThat(deadline(LocalDate.of(2026, 12, 3), DeadlineRule.daysBefore(0, LocalTime.of(9, 0), false))
                    .toInstant().toString()).isEqualTo("2026-12-03T08:00:00Z"); // winter time, UTC+1
        }

        @Test
        void in_working_days_skips_the_weekend() {
            // Monday 14 September 2026, 2 working days before: Thursday 10 September
            assertThat(deadline(LocalDate.of(2026, 9, 14), DeadlineRule.daysBefore(2, LocalTime.of(10, 0), true))
                    .toLocalDate()).isEqualTo(LocalDate.of(2026, 9, 10));
        }

        @Test
        void in_working_days_skips_public_holidays() {
            // Thursday 12 November 2026, 1 working day before: Wednesday 11 November is a public holiday → Tuesday 10
            assertThat(deadline(LocalDate.of(2026, 11, 12), DeadlineRule.daysBefore(1, LocalTime.of(18, 0), true))
                    .toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 10));
            // Tuesday 30 March 2027: Monday 29 is Easter Monday, then the weekend → Friday 26 March
            assertThat(deadline(LocalDate.of(2027, 3, 30), DeadlineRule.daysBefore(1, LocalTime.of(18, 0), true))
                    .toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 26));
        }

        @Test
        void in_working_days_the_same_day_on_a_non_working_day_moves_to_the_working_day_before() {
            assertThat(deadline(LocalDate.of(2026, 11, 11), DeadlineRule.daysBefore(0, LocalTime.of(8, 0), true))
                    .toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 10));
        }

        @Test
        void school_holidays_are_working_days() {
            // Monday 2 November 2026 after the Toussaint holidays: 1 working day before is Friday 30 October
            assertThat(deadline(LocalDate.of(2026, 11, 2), DeadlineRule.daysBefore(1, LocalTime.of(10, 0), true))
                    .toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 30));
        }
    }

    @Nested
    class Across_daylight_saving_changes {

        @Test
        void the_week_clocks_go_forward_keeps_10_00_on_the_wall_clock() {
            // Sunday 28 March 2027, 02:00 → 03:00. Deadline for Tuesday 30 March, 3 days before at 10:00: Saturday 27,
            // still winter time (UTC+1); for Wednesday 31, Sunday 28, already summer time (UTC+2)
            assertThat(instant(deadline(LocalDate.of(2027, 3, 30),
                    DeadlineRule.daysBefore(3, LocalTime.of(10, 0), false)))).isEqualTo("2027-03-27T09:00:00Z");
            assertThat(instant(deadline(LocalDate.of(2027, 3, 31),
                    DeadlineRule.daysBefore(3, LocalTime.of(10, 0), false)))).isEqualTo("2027-03-28T08:00:00Z");
        }

        @Test
        void a_time_that_does_not_exist_the_night_clocks_go_forward_moves_forward_by_the_gap() {
            // 02:30 on Sunday 28 March 2027 does not exist in Paris: 03:30 summer time
            ZonedDateTime d = deadline(LocalDate.of(2027, 3, 29), DeadlineRule.daysBefore(1, LocalTime.of(2, 30), false));
            assertThat(d.toLocalTime()).isEqualTo(LocalTime.of(3, 30));
            assertThat(instant(d)).isEqualTo("2027-03-28T01:30:00Z");
        }

        @Test
        void a_time_that_exists_twice_the_night_clocks_go_back_is_the_first_one() {
            // Sunday 25 October 2026, 03:00 → 02:00: 02:30 happens twice; the deadline is the earlier instant
            ZonedDateTime d = deadline(LocalDate.of(2026, 10, 26), DeadlineRule.daysBefore(1, LocalTime.of(2, 30), false));
            assertThat(instant(d)).isEqualTo("2026-10-25T00:30:00Z");
        }

        @Test
        void the_week_clocks_go_back_changes_the_offset_between_two_deadlines_of_the_same_rule() {
            DeadlineRule thursdayNoon = DeadlineRule.weekdayOfPreviousWeek(DayOfWeek.THURSDAY, LocalTime.NOON, false);
            // for the week of 26 October 2026: Thursday 22 October, summer time; for 2 November: 29 October, winter
            assertThat(instant(deadline(LocalDate.of(2026, 10, 28), thursdayNoon))).isEqualTo("2026-10-22T10:00:00Z");
            assertThat(instant(deadline(LocalDate.of(2026, 11, 4), thursdayNoon))).isEqualTo("2026-10-29T11:00:00Z");
        }
    }

    @Nested
    class The_weekday_of_the_previous_week {

        @Test
        void is_that_weekday_in_the_iso_week_before_whatever_the_day_booked() {
            DeadlineRule thursday = DeadlineRule.weekdayOfPreviousWeek(DayOfWeek.THURSDAY, LocalTime.of(12, 0), false);
            // Monday 14 and Friday 18 September 2026 both close on Thursday 10 September
            assertThat(deadline(LocalDate.of(2026, 9, 14), thursday).toLocalDate()).isEqualTo(LocalDate.of(2026, 9, 10));
            assertThat(deadline(LocalDate.of(2026, 9, 18), thursday).toLocalDate()).isEqualTo(LocalDate.of(2026, 9, 10));
        }

        @Test
        void in_working_days_moves_before_a_public_holiday() {
            // week of 16 November 2026: Wednesday of the week before is 11 November → Tuesday 10 November
            DeadlineRule wednesday = DeadlineRule.weekdayOfPreviousWeek(DayOfWeek.WEDNESDAY, LocalTime.of(12, 0), true);
            assertThat(deadline(LocalDate.of(2026, 11, 18), wednesday).toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 11, 10));
        }

        @Test
        void crosses_the_new_year() {
            DeadlineRule friday = DeadlineRule.weekdayOfPreviousWeek(DayOfWeek.FRIDAY, LocalTime.of(17, 0), false);
            assertThat(deadline(LocalDate.of(2027, 1, 5), friday).toLocalDate()).isEqualTo(LocalDate.of(2027, 1, 1));
            DeadlineRule fridayWorking = DeadlineRule.weekdayOfPreviousWeek(DayOfWeek.FRIDAY, LocalTime.of(17, 0), true);
            assertThat(deadline(LocalDate.of(2027, 1, 5), fridayWorking).toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 12, 31));
        }
    }

    @Nested
    class The_nth_of_the_previous_month {

        @Test
        void is_that_day_of_the_month_before() {
            DeadlineRule twentieth = DeadlineRule.dayOfPreviousMonth(20, LocalTime.of(23, 59), false);
            ZonedDateTime d = deadline(LocalDate.of(2026, 10, 5), twentieth);
            assertThat(d.toLocalDateTime()).isEqualTo(LocalDate.of(2026, 9, 20).atTime(23, 59));
            assertThat(instant(d)).isEqualTo("2026-09-20T21:59:00Z");
        }

        @Test
        void the_31st_of_a_short_month_is_its_last_day() {
            DeadlineRule last = DeadlineRule.dayOfPreviousMonth(31, LocalTime.of(12, 0), false);
            assertThat(deadline(LocalDate.of(2027, 3, 10), last).toLocalDate()).isEqualTo(LocalDate.of(2027, 2, 28));
        }

        @Test
        void in_working_days_moves_back_from_a_weekend() {
            // 20 September 2026 is a Sunday → Friday 18 September
            DeadlineRule twentieth = DeadlineRule.dayOfPreviousMonth(20, LocalTime.of(12, 0), true);
            assertThat(deadline(LocalDate.of(2026, 10, 1), twentieth).toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 9, 18));
        }

        @Test
        void for_january_is_in_december_of_the_year_before_and_in_winter_time() {
            DeadlineRule fifteenth = DeadlineRule.dayOfPreviousMonth(15, LocalTime.of(12, 0), false);
            assertThat(instant(deadline(LocalDate.of(2027, 1, 20), fifteenth))).isEqualTo("2026-12-15T11:00:00Z");
        }
    }
}
