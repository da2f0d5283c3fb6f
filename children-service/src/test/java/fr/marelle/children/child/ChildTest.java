package fr.marelle.children.child;

import fr.marelle.children.calendar.SchoolYear;
import fr.marelle.children.child.ChildCommands.ArchiveChild;
import fr.marelle.children.child.ChildCommands.LinkChildToFamily;
import fr.marelle.children.child.ChildCommands.RecordCareNotesChange;
import fr.marelle.children.child.ChildCommands.RecordRequirements;
import fr.marelle.children.child.ChildCommands.RegisterChild;
import fr.marelle.children.child.ChildCommands.UnlinkChildFromFamily;
import fr.marelle.children.child.ChildCommands.UpdateChildDetails;
import fr.marelle.children.child.ChildEvents.ChildArchived;
import fr.marelle.children.child.ChildEvents.ChildDetailsChanged;
import fr.marelle.children.child.ChildEvents.ChildLinkedToFamily;
import fr.marelle.children.child.ChildEvents.ChildRegistered;
import fr.marelle.children.child.ChildEvents.ChildRequirementsEvaluated;
import fr.marelle.children.child.ChildEvents.ChildUnlinkedFromFamily;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static fr.marelle.children.DomainErrors.namingField;
import static fr.marelle.children.DomainErrors.withCode;

class ChildTest {

    final UUID id = UUID.randomUUID();
    final UUID family = UUID.randomUUID();
    final UUID otherFamily = UUID.randomUUID();
    final UUID maternelle = UUID.randomUUID();
    final UUID ps = UUID.randomUUID();
    final LocalDate today = LocalDate.of(2026, 10, 5);
    final SchoolYear year = SchoolYear.of("2026-2027");
    final LocalDate born2023 = LocalDate.of(2023, 3, 14); // 3 in 2026: petite section
    final SchoolChoice noClasses = new SchoolChoice(maternelle, true, 3, 6, year, Set.of());
    final SchoolChoice withClasses = new SchoolChoice(maternelle, true, 3, 6, year, Set.of(ps));
    final ChildRegistered registered = new ChildRegistered(id, family, "Léa", "Martin", born2023, maternelle);
    AggregateTestFixture<Child> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Child.class);
    }

    @Nested
    class Registering {
        @Test
        void a_child_of_a_family_at_a_school_that_takes_its_age() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterChild(id, family, " Léa ", "Martin", born2023, noClasses, today))
                    .expectEvents(registered);
        }

        @Test
        void refuses_a_child_outside_the_age_range_of_the_school() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterChild(id, family, "Léo", "Martin", LocalDate.of(2016, 5, 2), noClasses, today))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("L'âge de l'enfant ne correspond pas à cette école (de 3 à 6 ans).");
        }

        @Test
        void accepts_a_child_who_enters_the_school_next_school_year() {
            LocalDate turnsThreeNextYear = LocalDate.of(2024, 1, 10); // 2 now, 3 in 2027-2028
            fixture.givenNoPriorActivity()
                    .when(new RegisterChild(id, family, "Tom", "Martin", turnsThreeNextYear, noClasses, today))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refuses_a_birth_date_in_the_future() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterChild(id, family, "Léa", "Martin", today.plusDays(1), noClasses, today))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("La date de naissance ne peut pas être dans le futur.");
        }

        @Test
        void refuses_a_child_without_a_first_name_and_names_the_field() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterChild(id, family, "", "Martin", born2023, noClasses, today))
                    .expectException(namingField("firstName"));
        }

        @Test
        void refuses_a_closed_school() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterChild(id, family, "Léa", "Martin", born2023,
                            new SchoolChoice(maternelle, false, 3, 6, year, Set.of()), today))
                    .expectException(withCode("SCHOOL_CLOSED"));
        }
    }

    @Nested
    class Editing {
        @Test
        void the_class_is_mandatory_once_the_school_year_has_classes() {
            fixture.given(registered)
                    .when(new UpdateChildDetails(id, "Léa", "Martin", born2023, withClasses, null, today))
                    .expectException(withCode("CLASS_REQUIRED"));
        }

        @Test
        void the_class_is_one_of_the_school_year() {
            fixture.given(registered)
                    .when(new UpdateChildDetails(id, "Léa", "Martin", born2023, withClasses, UUID.randomUUID(), today))
                    .expectException(withCode("CLASS_NOT_IN_SCHOOL"));
        }

        @Test
        void records_the_new_details_for_every_family_of_the_child() {
            fixture.given(registered, new ChildLinkedToFamily(id, otherFamily, "Léa", "Martin", born2023, maternelle,
                            null))
                    .when(new UpdateChildDetails(id, "Léa", "Martin-Durand", born2023, withClasses, ps, today))
                    .expectEvents(new ChildDetailsChanged(id, Set.of(family, otherFamily), "Léa", "Martin-Durand",
                            born2023, maternelle, ps));
        }

        @Test
        void nothing_changed_is_no_fact() {
            fixture.given(registered)
                    .when(new UpdateChildDetails(id, "Léa", "Martin", born2023, noClasses, null, today))
                    .expectNoEvents();
        }

        @Test
        void an_archived_child_is_no_longer_changed() {
            fixture.given(registered, new ChildArchived(id, Set.of(family)))
                    .when(new UpdateChildDetails(id, "Léa", "Martin", born2023, noClasses, null, today))
                    .expectException(withCode("CHILD_ARCHIVED"));
            fixture.given(registered, new ChildArchived(id, Set.of(family)))
                    .when(new RecordCareNotesChange(id))
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class Families {
        @Test
        void a_child_of_separated_parents_belongs_to_both_families() {
            fixture.given(registered).when(new LinkChildToFamily(id, otherFamily))
                    .expectEvents(new ChildLinkedToFamily(id, otherFamily, "Léa", "Martin", born2023, maternelle,
                            null));
        }

        @Test
        void a_child_keeps_at_least_one_family() {
            fixture.given(registered).when(new UnlinkChildFromFamily(id, family))
                    .expectException(withCode("CHILD_NEEDS_A_FAMILY"));
            fixture.given(registered, new ChildLinkedToFamily(id, otherFamily, "Léa", "Martin", born2023, maternelle,
                            null))
                    .when(new UnlinkChildFromFamily(id, family))
                    .expectEvents(new ChildUnlinkedFromFamily(id, family));
        }

        @Test
        void archiving_tells_every_family_once() {
            fixture.given(registered).when(new ArchiveChild(id)).expectEvents(new ChildArchived(id, Set.of(family)));
            fixture.given(registered, new ChildArchived(id, Set.of(family))).when(new ArchiveChild(id))
                    .expectNoEvents();
        }
    }

    @Nested
    class Requirements {
        final RecordRequirements evaluation = new RecordRequirements(id, family, "2026-2027", List.of("PHOTO"),
                List.of("HEALTH_SHEET", "SCHOOL_INSURANCE"));

        @Test
        void a_new_evaluation_is_recorded() {
            fixture.given(registered).when(evaluation).expectEvents(new ChildRequirementsEvaluated(id, family,
                    "2026-2027", List.of("PHOTO"), List.of("HEALTH_SHEET", "SCHOOL_INSURANCE")));
        }

        @Test
        void the_same_evaluation_again_is_no_fact() {
            fixture.given(registered, new ChildRequirementsEvaluated(id, family, "2026-2027", List.of("PHOTO"),
                    List.of("HEALTH_SHEET", "SCHOOL_INSURANCE"))).when(evaluation).expectNoEvents();
        }

        @Test
        void nothing_is_recorded_for_a_family_the_child_does_not_belong_to_or_once_archived() {
            fixture.given(registered).when(new RecordRequirements(id, otherFamily, "2026-2027", List.of(), List.of()))
                    .expectNoEvents();
            fixture.given(registered, new ChildArchived(id, Set.of(family))).when(evaluation).expectNoEvents();
        }
    }
}
