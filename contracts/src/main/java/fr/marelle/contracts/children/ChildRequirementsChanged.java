package fr.marelle.contracts.children;

import fr.marelle.contracts.ContractType;

import java.util.List;

/**
 * What a child (and its family) has that services may require before a booking, valid today, e.g. {@code PHOTO},
 * {@code SCHOOL_INSURANCE}, {@code HEALTH_SHEET}, {@code IMAGE_RIGHTS}; published whenever it changes (a document
 * validated, refused or expired, a new school year). Planning decides bookability per service from it.
 * Key: the family id.
 *
 * @param satisfied  requirement codes satisfied now
 * @param missing    requirement codes the town asks for and the child does not satisfy now
 * @param schoolYear the school year this holds for, e.g. {@code 2026-2027}
 */
public record ChildRequirementsChanged(String childId, String familyId, List<String> satisfied,
                                       List<String> missing, String schoolYear) {

    public static final ContractType<ChildRequirementsChanged> TYPE =
            new ContractType<>("children", "ChildRequirementsChanged", 1, ChildRequirementsChanged.class);
}
