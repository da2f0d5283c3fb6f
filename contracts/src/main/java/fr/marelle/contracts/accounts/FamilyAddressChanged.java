package fr.marelle.contracts.accounts;

import fr.marelle.contracts.ContractType;

/**
 * A family's postal address (at opening, and when staff change it). Key: the family id.
 */
public record FamilyAddressChanged(String familyId, String line1, String line2, String postcode, String city) {

    public static final ContractType<FamilyAddressChanged> TYPE =
            new ContractType<>("accounts", "FamilyAddressChanged", 1, FamilyAddressChanged.class);
}
