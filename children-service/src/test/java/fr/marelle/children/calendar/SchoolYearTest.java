package fr.marelle.children.calendar;

import fr.marelle.platform.errors.DomainException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchoolYearTest {

    @Test
    void a_school_year_runs_from_the_first_of_september_to_the_thirty_first_of_august() {
        assertThat(SchoolYear.containing(LocalDate.of(2026, 8, 31))).hasToString("2025-2026");
        assertThat(SchoolYear.containing(LocalDate.of(2026, 9, 1))).hasToString("2026-2027");
        assertThat(SchoolYear.of("2026-2027").lastDay()).isEqualTo(LocalDate.of(2027, 8, 31));
    }

    @Test
    void from_june_families_enrol_for_the_year_that_follows() {
        assertThat(SchoolYear.forEnrolment(LocalDate.of(2026, 5, 31))).hasToString("2025-2026");
        assertThat(SchoolYear.forEnrolment(LocalDate.of(2026, 6, 1))).hasToString("2026-2027");
    }

    @Test
    void the_school_age_is_the_age_reached_in_the_year_the_school_year_starts() {
        assertThat(SchoolYear.of("2026-2027").schoolAgeOf(LocalDate.of(2023, 12, 31))).isEqualTo(3);
    }

    @Test
    void refuses_years_that_do_not_follow() {
        assertThatThrownBy(() -> SchoolYear.of("2026-2028")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> SchoolYear.of("26-27")).isInstanceOf(DomainException.class);
    }
}
