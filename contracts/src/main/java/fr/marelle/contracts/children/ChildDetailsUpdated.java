package fr.marelle.contracts.children;

import fr.marelle.contracts.ContractType;

import java.time.LocalDate;

/** A child's details as they are now (identity, school, class). Key: the family id. */
public record ChildDetailsUpdated(String childId, String familyId, String firstName, String lastName,
                                  LocalDate birthDate, String schoolId, String classId) {

    public static final ContractType<ChildDetailsUpdated> TYPE =
            new ContractType<>("children", "ChildDetailsUpdated", 1, ChildDetailsUpdated.class);
}
