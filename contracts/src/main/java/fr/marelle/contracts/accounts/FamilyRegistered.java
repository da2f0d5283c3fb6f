package fr.marelle.contracts.accounts;

import fr.marelle.contracts.ContractType;

import java.time.Instant;

/**
 * A family now exists in Marelle: a parent registered, or staff opened a family file on behalf of a family without
 * internet. Key: the family id.
 *
 * @param familyId     the family
 * @param guardianId   the parent (guardian) who is the family's first contact
 * @param firstName    the guardian's first name, to greet them
 * @param lastName     the guardian's last name
 * @param email        where the family is written to, or {@code null} when it has no address
 * @param language     {@code fr} or {@code en}
 * @param registeredBy {@code PARENT} when the parent registered, {@code STAFF} when staff opened the file
 * @param registeredAt when
 */
public record FamilyRegistered(String familyId, String guardianId, String firstName, String lastName, String email,
                               String language, String registeredBy, Instant registeredAt) {

    public static final ContractType<FamilyRegistered> TYPE =
            new ContractType<>("accounts", "FamilyRegistered", 1, FamilyRegistered.class);
}
