package fr.marelle.accounts.family;

import fr.marelle.accounts.family.FamilyCommands.OpenFamilyFile;
import fr.marelle.accounts.family.FamilyEvents.FamilyFileOpened;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FamilyTest {

    AggregateTestFixture<Family> fixture;
    final FamilyId familyId = FamilyId.random();
    final GuardianId guardianId = GuardianId.random();
    final Address address = new Address("3 rue de la Gare", null, "88450", "Vincey");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Family.class);
    }

    @Nested
    class OpenFamilyFileCommand {

        @Test
        void opens_the_file_with_a_trimmed_name_and_a_lower_case_email() {
            fixture.givenNoPriorActivity()
                    .when(new OpenFamilyFile(familyId, guardianId, Civility.MADAME, " Camille ", "Martin ",
                            "Camille.Martin@Example.org", "+33612345678", address, "fr"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new FamilyFileOpened(familyId, guardianId, Civility.MADAME, "Camille", "Martin",
                            "camille.martin@example.org", "+33612345678", address, "fr"));
        }
    }
}
