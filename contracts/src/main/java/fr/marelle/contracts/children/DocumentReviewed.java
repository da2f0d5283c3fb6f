package fr.marelle.contracts.children;

import fr.marelle.contracts.ContractType;

import java.time.LocalDate;

/**
 * Staff validated or refused a document a family sent. {@code outcome} is {@code APPROVED} or {@code REJECTED}
 * (then with the reason shown to the family); {@code childId} is null for a family document. Key: the family id.
 *
 * @param kind       e.g. {@code HEALTH_SHEET}, {@code IMAGE_RIGHTS}, {@code QF_ATTESTATION}, {@code SCHOOL_INSURANCE}
 * @param validUntil the last day the document is valid, when approved
 */
public record DocumentReviewed(String documentId, String familyId, String childId, String kind, String title,
                               String outcome, String reason, LocalDate validUntil) {

    public static final ContractType<DocumentReviewed> TYPE =
            new ContractType<>("children", "DocumentReviewed", 1, DocumentReviewed.class);
}
