package fr.marelle.accounts.family;

import fr.marelle.accounts.family.FamilyCommands.AddGuardianToFamily;
import fr.marelle.accounts.family.FamilyCommands.DeclareCafInformation;
import fr.marelle.accounts.family.FamilyCommands.OpenFamilyFile;
import fr.marelle.accounts.family.FamilyCommands.SaveEmergencyContacts;
import fr.marelle.accounts.family.FamilyEvents.CafNumberChanged;
import fr.marelle.accounts.family.FamilyEvents.EmergencyContactAdded;
import fr.marelle.accounts.family.FamilyEvents.EmergencyContactRemoved;
import fr.marelle.accounts.family.FamilyEvents.EmergencyContactUpdated;
import fr.marelle.accounts.family.FamilyEvents.FamilyFileOpened;
import fr.marelle.accounts.family.FamilyEvents.GuardianJoinedFamily;
import fr.marelle.accounts.family.FamilyEvents.QuotientFamilialDeclared;
import fr.marelle.accounts.guardian.GuardianId;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

class FamilyTest {

    final FamilyId id = FamilyId.random();
    final GuardianId first = GuardianId.random();
    final Address address = new Address("3 rue de la Gare", null, "88450", "Vincey");
    AggregateTestFixture<Family> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Family.class);
    }

    @Nested
    class Opening {
        @Test
        void opens_with_its_first_guardian_and_the_caf_information_given() {
            fixture.givenNoPriorActivity()
                    .when(new OpenFamilyFile(id, first, address, "1234567", 850))
                    .expectEvents(new FamilyFileOpened(id, address), new GuardianJoinedFamily(id, first),
                            new CafNumberChanged(id, "1234567"), new QuotientFamilialDeclared(id, 850));
        }

        @Test
        void refuses_a_caf_number_that_is_not_seven_digits() {
            fixture.givenNoPriorActivity()
                    .when(new OpenFamilyFile(id, first, address, "123456A", null))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Le numéro d'allocataire CAF compte 7 chiffres, sans la lettre.");
        }

        @Test
        void refuses_a_negative_quotient_familial() {
            fixture.givenNoPriorActivity()
                    .when(new OpenFamilyFile(id, first, address, null, -1))
                    .expectException(DomainException.class);
        }

        @Test
        void refuses_a_postcode_of_four_digits() {
            fixture.givenNoPriorActivity()
                    .when(new OpenFamilyFile(id, first, new Address("3 rue", null, "8845", "Vincey"), null, null))
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class Guardians {
        @Test
        void a_second_guardian_joins_the_same_family() {
            GuardianId second = GuardianId.random();
            fixture.given(new FamilyFileOpened(id, address), new GuardianJoinedFamily(id, first))
                    .when(new AddGuardianToFamily(id, second))
                    .expectEvents(new GuardianJoinedFamily(id, second));
        }

        @Test
        void at_most_four_guardians() {
            fixture.given(new FamilyFileOpened(id, address), new GuardianJoinedFamily(id, first),
                            new GuardianJoinedFamily(id, GuardianId.random()),
                            new GuardianJoinedFamily(id, GuardianId.random()),
                            new GuardianJoinedFamily(id, GuardianId.random()))
                    .when(new AddGuardianToFamily(id, GuardianId.random()))
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class CafInformation {
        @Test
        void only_what_changed_is_recorded() {
            fixture.given(new FamilyFileOpened(id, address), new CafNumberChanged(id, "1234567"))
                    .when(new DeclareCafInformation(id, "1234567", 620))
                    .expectEvents(new QuotientFamilialDeclared(id, 620));
        }
    }

    @Nested
    class EmergencyContacts {
        final EmergencyContact jeanne = new EmergencyContact(EmergencyContactId.random(), "Jeanne Martin",
                "+33611223344", true);
        final EmergencyContact paul = new EmergencyContact(EmergencyContactId.random(), "Paul Martin",
                "+33622334455", false);

        @Test
        void the_saved_list_replaces_the_previous_one_fact_by_fact() {
            EmergencyContact jeanneEdited = new EmergencyContact(jeanne.contactId(), "Jeanne Martin",
                    "+33611223344", false);
            EmergencyContact lucie = new EmergencyContact(EmergencyContactId.random(), "Lucie", "+33633445566",
                    true);
            fixture.given(new FamilyFileOpened(id, address), new EmergencyContactAdded(id, jeanne),
                            new EmergencyContactAdded(id, paul))
                    .when(new SaveEmergencyContacts(id, List.of(jeanneEdited, lucie)))
                    .expectEvents(new EmergencyContactUpdated(id, jeanneEdited), new EmergencyContactAdded(id, lucie),
                            new EmergencyContactRemoved(id, paul.contactId()));
        }

        @Test
        void refuses_a_contact_without_a_phone() {
            fixture.given(new FamilyFileOpened(id, address))
                    .when(new SaveEmergencyContacts(id, List.of(new EmergencyContact(EmergencyContactId.random(),
                            "Sans téléphone", "", true))))
                    .expectException(DomainException.class);
        }

        @Test
        void refuses_more_than_ten() {
            List<EmergencyContact> eleven = java.util.stream.IntStream.range(0, 11)
                    .mapToObj(i -> new EmergencyContact(EmergencyContactId.random(), "P" + i, "+33611223344", false))
                    .toList();
            fixture.given(new FamilyFileOpened(id, address))
                    .when(new SaveEmergencyContacts(id, eleven))
                    .expectException(DomainException.class);
        }
    }
}
