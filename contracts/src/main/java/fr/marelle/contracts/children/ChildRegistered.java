package fr.marelle.contracts.children;

import fr.marelle.contracts.ContractType;

import java.time.LocalDate;

/**
 * A child of a family, enrolled at a school (a class once the school year has classes). No health or diet data
 * crosses here: who needs it (attendance registers) asks children-service with the staff member's token.
 * Key: the family id.
 */
public record ChildRegistered(String childId, String familyId, String firstName, String lastName,
                              LocalDate birthDate, String schoolId, String classId) {

    public static final ContractType<ChildRegistered> TYPE =
            new ContractType<>("children", "ChildRegistered", 1, ChildRegistered.class);
}
