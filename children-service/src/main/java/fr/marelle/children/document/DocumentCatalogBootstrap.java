package fr.marelle.children.document;

import fr.marelle.children.document.DocumentKindCommands.DefineDocumentKind;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The kinds of document every town starts with (screens 10 to 13), defined at the first start and never again:
 * staff then change them. A kind already defined (its stream exists) is left as staff made it.
 */
@Component
class DocumentCatalogBootstrap {

    private static final Logger log = LoggerFactory.getLogger(DocumentCatalogBootstrap.class);

    static final List<DefineDocumentKind> STANDARD = List.of(
            new DefineDocumentKind(DocumentKinds.PHOTO, "Photo d'identité",
                    "Une photo récente de l'enfant, de face, pour que les agents le reconnaissent.",
                    DocumentScope.CHILD, Requirement.REQUIRED, Validity.UNLIMITED, null, false, 10),
            new DefineDocumentKind(DocumentKinds.SCHOOL_INSURANCE, "Attestation d'assurance scolaire",
                    "L'attestation d'assurance scolaire et extrascolaire de l'enfant pour l'année scolaire.",
                    DocumentScope.CHILD, Requirement.REQUIRED, Validity.SCHOOL_YEAR, null, true, 20),
            new DefineDocumentKind(DocumentKinds.IMAGE_RIGHTS, "Autorisation parentale – droit à l'image",
                    "Téléchargez l'autorisation, remplissez-la, signez-la et renvoyez-la.",
                    DocumentScope.FAMILY, Requirement.REQUIRED, Validity.SCHOOL_YEAR, null, true, 30),
            new DefineDocumentKind(DocumentKinds.HEALTH_SHEET, "Fiche sanitaire",
                    "Téléchargez la fiche de renseignements, remplissez-la et renvoyez-la.",
                    DocumentScope.FAMILY, Requirement.REQUIRED, Validity.SCHOOL_YEAR, null, true, 40),
            new DefineDocumentKind(DocumentKinds.QF_ATTESTATION, "Attestation de quotient familial",
                    "Si vous bénéficiez du tarif réduit (QF inférieur à 1000), envoyez votre attestation CAF.",
                    DocumentScope.FAMILY, Requirement.OPTIONAL, Validity.SCHOOL_YEAR, null, true, 50),
            new DefineDocumentKind(DocumentKinds.HOUSE_RULES, "Règlement intérieur des services périscolaires",
                    "À lire avant d'inscrire vos enfants.",
                    DocumentScope.FAMILY, Requirement.NONE, Validity.UNLIMITED, null, false, 90));

    private final CommandGateway commands;
    private final EventStore events;

    DocumentCatalogBootstrap(CommandGateway commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void defineStandardKinds() {
        ActorContext.runAs(Actor.system("children-service"), null, () -> {
            for (DefineDocumentKind kind : STANDARD) {
                if (events.lastSequenceNumberFor(kind.code()).isPresent()) {
                    continue;
                }
                try {
                    commands.sendAndWait(kind);
                    log.info("Document kind {} defined", kind.code());
                } catch (RuntimeException e) {
                    // another replica defined it at the same moment
                    log.debug("Document kind {} not defined here: {}", kind.code(), e.toString());
                }
            }
        });
    }
}
