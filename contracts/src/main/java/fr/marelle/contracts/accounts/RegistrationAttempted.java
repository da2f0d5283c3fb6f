package fr.marelle.contracts.accounts;

import fr.marelle.contracts.ContractType;

/**
 * Someone tried to register with the address of this existing account; its owner is told. Key: the family id.
 */
public record RegistrationAttempted(String familyId, String guardianId, String email) {

    public static final ContractType<RegistrationAttempted> TYPE =
            new ContractType<>("accounts", "RegistrationAttempted", 1, RegistrationAttempted.class);
}
