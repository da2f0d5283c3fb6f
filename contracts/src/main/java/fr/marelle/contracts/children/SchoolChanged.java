package fr.marelle.contracts.children;

import fr.marelle.contracts.ContractType;

import java.util.List;

/**
 * A school as it is now, with its classes of a school year. {@code kind} is {@code MATERNELLE} or
 * {@code ELEMENTAIRE}. Key: the school id.
 */
public record SchoolChanged(String schoolId, String name, String kind, int minAge, int maxAge, boolean active,
                            List<SchoolClass> classes) {

    public record SchoolClass(String classId, String schoolYear, String name, String level) {
    }

    public static final ContractType<SchoolChanged> TYPE =
            new ContractType<>("children", "SchoolChanged", 1, SchoolChanged.class);
}
