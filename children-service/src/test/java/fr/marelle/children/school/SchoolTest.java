package fr.marelle.children.school;

import fr.marelle.children.calendar.SchoolYear;
import fr.marelle.children.school.SchoolCommands.AddClass;
import fr.marelle.children.school.SchoolCommands.ChangeClass;
import fr.marelle.children.school.SchoolCommands.ChangeSchool;
import fr.marelle.children.school.SchoolCommands.CloseSchool;
import fr.marelle.children.school.SchoolCommands.OpenSchool;
import fr.marelle.children.school.SchoolCommands.RemoveClass;
import fr.marelle.children.school.SchoolEvents.ClassAdded;
import fr.marelle.children.school.SchoolEvents.ClassChanged;
import fr.marelle.children.school.SchoolEvents.ClassRemoved;
import fr.marelle.children.school.SchoolEvents.SchoolClosed;
import fr.marelle.children.school.SchoolEvents.SchoolDetailsChanged;
import fr.marelle.children.school.SchoolEvents.SchoolOpened;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.UUID;

class SchoolTest {

    final UUID id = UUID.randomUUID();
    final UUID ps = UUID.randomUUID();
    final SchoolYear year = SchoolYear.of("2026-2027");
    final SchoolOpened opened = new SchoolOpened(id, "École maternelle du centre", SchoolKind.MATERNELLE, 3, 6);
    AggregateTestFixture<School> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(School.class);
    }

    @Nested
    class Opening {
        @Test
        void opens_with_a_name_a_kind_and_the_ages_it_takes() {
            fixture.givenNoPriorActivity()
                    .when(new OpenSchool(id, "  École maternelle du centre ", SchoolKind.MATERNELLE, 3, 6))
                    .expectEvents(opened);
        }

        @Test
        void refuses_a_school_without_a_name() {
            fixture.givenNoPriorActivity().when(new OpenSchool(id, " ", SchoolKind.MATERNELLE, 3, 6))
                    .expectException(DomainException.class).expectExceptionMessage(
                            "Le nom de l'école est obligatoire (120 caractères au plus).");
        }

        @Test
        void refuses_an_age_range_that_ends_before_it_starts() {
            fixture.givenNoPriorActivity().when(new OpenSchool(id, "École", SchoolKind.ELEMENTAIRE, 11, 6))
                    .expectException(DomainException.class);
        }

        @Test
        void refuses_a_school_without_a_kind() {
            fixture.givenNoPriorActivity().when(new OpenSchool(id, "École", null, 3, 6))
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class Changing {
        @Test
        void records_the_new_details() {
            fixture.given(opened).when(new ChangeSchool(id, "Maternelle du centre", SchoolKind.MATERNELLE, 2, 6))
                    .expectEvents(new SchoolDetailsChanged(id, "Maternelle du centre", SchoolKind.MATERNELLE, 2, 6));
        }

        @Test
        void a_maternelle_with_classes_cannot_become_an_elementaire() {
            fixture.given(opened, new ClassAdded(id, ps, year, "Petite section", "PS"))
                    .when(new ChangeSchool(id, "École", SchoolKind.ELEMENTAIRE, 6, 11))
                    .expectException(DomainException.class);
        }

        @Test
        void closing_twice_is_one_fact() {
            fixture.given(opened, new SchoolClosed(id)).when(new CloseSchool(id)).expectNoEvents();
        }
    }

    @Nested
    class Classes {
        @Test
        void a_class_of_a_school_year_at_a_level_of_the_school() {
            fixture.given(opened).when(new AddClass(id, ps, year, "Petite section", "PS"))
                    .expectEvents(new ClassAdded(id, ps, year, "Petite section", "PS"));
        }

        @Test
        void refuses_a_level_of_another_kind_of_school() {
            fixture.given(opened).when(new AddClass(id, ps, year, "CP", "CP"))
                    .expectException(DomainException.class).expectExceptionMessage(
                            "Le niveau de la classe doit être l'un de ceux de l'école : TPS, PS, MS, GS.");
        }

        @Test
        void refuses_two_classes_of_the_same_name_in_one_year() {
            fixture.given(opened, new ClassAdded(id, ps, year, "Petite section", "PS"))
                    .when(new AddClass(id, UUID.randomUUID(), year, "petite section", "PS"))
                    .expectException(DomainException.class);
        }

        @Test
        void the_same_name_another_year_is_another_class() {
            UUID next = UUID.randomUUID();
            fixture.given(opened, new ClassAdded(id, ps, year, "Petite section", "PS"))
                    .when(new AddClass(id, next, year.next(), "Petite section", "PS"))
                    .expectEvents(new ClassAdded(id, next, year.next(), "Petite section", "PS"));
        }

        @Test
        void a_class_is_renamed_and_removed() {
            fixture.given(opened, new ClassAdded(id, ps, year, "Petite section", "PS"))
                    .when(new ChangeClass(id, ps, "Petite section A", "PS"))
                    .expectEvents(new ClassChanged(id, ps, "Petite section A", "PS"));
            fixture.given(opened, new ClassAdded(id, ps, year, "Petite section", "PS"))
                    .when(new RemoveClass(id, ps)).expectEvents(new ClassRemoved(id, ps));
        }

        @Test
        void refuses_to_remove_an_unknown_class() {
            fixture.given(opened).when(new RemoveClass(id, ps)).expectException(DomainException.class);
        }
    }
}
