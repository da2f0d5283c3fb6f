package fr.marelle.planning.catalogue;

import java.util.UUID;

/** A house rules document: stored by planning-service, named here by its id and its file name. */
public record HouseRules(UUID documentId, String fileName, String sha256) {
}
