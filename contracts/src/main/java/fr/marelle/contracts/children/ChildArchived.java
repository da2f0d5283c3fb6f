package fr.marelle.contracts.children;

import fr.marelle.contracts.ContractType;

/** A child no longer uses the town's services: history kept, no longer bookable. Key: the family id. */
public record ChildArchived(String childId, String familyId) {

    public static final ContractType<ChildArchived> TYPE =
            new ContractType<>("children", "ChildArchived", 1, ChildArchived.class);
}
