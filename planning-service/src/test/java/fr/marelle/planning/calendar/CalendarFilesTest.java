package fr.marelle.planning.calendar;

import fr.marelle.platform.errors.DomainException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped calendar files and the importers of the national open-data formats. */
class CalendarFilesTest {

    static String resource(String name) throws IOException {
        try (InputStream in = CalendarFilesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_shipped_zone_b_calendar_has_two_school_years_with_their_holidays() throws IOException {
        List<SchoolYear> years = CalendarFiles.schoolYearsFromCsv(
                resource("calendar/fr-en-calendrier-scolaire-zone-b.csv"), "B");
        assertThat(years).extracting(SchoolYear::label).containsExactly("2026-2027", "2027-2028");
        SchoolYear first = years.get(0);
        assertThat(first.firstDay()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(first.lastDay()).isEqualTo(LocalDate.of(2027, 7, 2));
        Holiday toussaint = first.holidays().get(0);
        assertThat(toussaint.firstDay()).isEqualTo(LocalDate.of(2026, 10, 17));
        assertThat(toussaint.lastDay()).isEqualTo(LocalDate.of(2026, 11, 1)); // classes resume Monday 2 November
        assertThat(first.holidays()).hasSize(5);
        assertThat(years.get(1).holidays()).hasSize(5);
    }

    @Test
    void the_shipped_public_holidays_match_the_rules_including_the_easter_based_ones() throws IOException {
        List<PublicHoliday> holidays = CalendarFiles.publicHolidaysFromCsv(resource("calendar/jours-feries-metropole.csv"));
        Map<Integer, List<LocalDate>> byYear = holidays.stream().collect(Collectors.groupingBy(
                h -> h.date().getYear(), Collectors.mapping(PublicHoliday::date, Collectors.toList())));
        for (int year = 2026; year <= 2028; year++) {
            LocalDate easter = easterSunday(year);
            assertThat(byYear.get(year)).as("public holidays of " + year).containsExactlyInAnyOrder(
                    LocalDate.of(year, 1, 1), easter.plusDays(1), LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 8),
                    easter.plusDays(39), easter.plusDays(50), LocalDate.of(year, 7, 14), LocalDate.of(year, 8, 15),
                    LocalDate.of(year, 11, 1), LocalDate.of(year, 11, 11), LocalDate.of(year, 12, 25));
        }
        assertThat(easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(easterSunday(2028)).isEqualTo(LocalDate.of(2028, 4, 16));
    }

    /** Meeus/Jones/Butcher (Gregorian calendar). */
    static LocalDate easterSunday(int year) {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    @Test
    void a_zone_ics_file_gives_its_school_years_with_folded_lines_and_exclusive_ends() throws IOException {
        List<SchoolYear> years = CalendarFiles.schoolYearsFromIcs(resource("calendar/Zone-B-sample.ics"), "B");
        assertThat(years).hasSize(1);
        SchoolYear year = years.get(0);
        assertThat(year.label()).isEqualTo("2027-2028");
        assertThat(year.firstDay()).isEqualTo(LocalDate.of(2027, 9, 1));
        assertThat(year.lastDay()).isEqualTo(LocalDate.of(2028, 7, 3));
        assertThat(year.holidays()).extracting(Holiday::name).containsExactly("Vacances de la Toussaint",
                "Vacances de Noël", "Vacances d'Hiver", "Vacances de Printemps");
        assertThat(year.holidays().get(2).lastDay()).isEqualTo(LocalDate.of(2028, 3, 5));
    }

    @Test
    void the_public_holidays_csv_keeps_metropolitan_rows_only_and_accepts_semicolons() throws IOException {
        assertThat(CalendarFiles.publicHolidaysFromCsv(resource("calendar/jours-feries-sample.csv")))
                .extracting(PublicHoliday::date)
                .containsExactly(LocalDate.of(2029, 1, 1), LocalDate.of(2029, 4, 2));
    }

    @Test
    void a_file_without_a_school_year_or_with_a_bad_date_is_refused_with_the_line_at_fault() {
        assertThatThrownBy(() -> CalendarFiles.schoolYearsFromCsv("Description;Date de début;Date de fin;Zones;"
                + "annee_scolaire\nVacances de Noël;2026-13-19;2027-01-04;Zone B;2026-2027\n", "B"))
                .isInstanceOf(DomainException.class).hasMessageContaining("Ligne 2");
        assertThatThrownBy(() -> CalendarFiles.schoolYearsFromCsv("Description;Date de début;Date de fin;Zones;"
                + "annee_scolaire\nVacances de Noël;2026-12-19;2027-01-04;Zone B;2026-2027\n", "B"))
                .isInstanceOf(DomainException.class).hasMessageContaining("incomplète");
        assertThatThrownBy(() -> CalendarFiles.schoolYearsFromCsv("nom;date\nx;y\n", "B"))
                .isInstanceOf(DomainException.class).hasMessageContaining("Colonne");
    }

    @Test
    void the_calendar_tells_school_days_wednesdays_holidays_and_public_holidays_apart() throws IOException {
        CalendarView view = new CalendarView(CalendarFiles.schoolYearsFromCsv(
                resource("calendar/fr-en-calendrier-scolaire-zone-b.csv"), "B"),
                CalendarFiles.publicHolidaysFromCsv(resource("calendar/jours-feries-metropole.csv")),
                CalendarView.FOUR_DAY_WEEK);
        assertThat(view.kindOf(LocalDate.of(2026, 9, 1))).isEqualTo(DayKind.SCHOOL_DAY);
        assertThat(view.kindOf(LocalDate.of(2026, 9, 2))).isEqualTo(DayKind.WEDNESDAY);
        assertThat(view.kindOf(LocalDate.of(2026, 9, 5))).isEqualTo(DayKind.WEEKEND);
        assertThat(view.kindOf(LocalDate.of(2026, 10, 20))).isEqualTo(DayKind.HOLIDAY);
        assertThat(view.kindOf(LocalDate.of(2026, 11, 11))).isEqualTo(DayKind.PUBLIC_HOLIDAY);
        assertThat(view.kindOf(LocalDate.of(2027, 7, 20))).isEqualTo(DayKind.HOLIDAY); // summer, between two years
        assertThat(view.holidayName(LocalDate.of(2027, 7, 20))).contains("Vacances d'été");
        assertThat(view.kindOf(LocalDate.of(2026, 8, 20))).isEqualTo(DayKind.UNKNOWN);
        assertThat(view.kindOf(LocalDate.of(2028, 9, 4))).isEqualTo(DayKind.UNKNOWN);
        assertThat(LocalDate.of(2026, 9, 2).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
    }
}
