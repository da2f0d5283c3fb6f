package fr.marelle.children.document;

import fr.marelle.children.document.DocumentKindCommands.ChangeDocumentKind;
import fr.marelle.children.document.DocumentKindCommands.DefineDocumentKind;
import fr.marelle.children.document.DocumentKindCommands.PublishBlankForm;
import fr.marelle.children.document.DocumentKindCommands.WithdrawBlankForm;
import fr.marelle.children.document.DocumentKindEvents.BlankFormPublished;
import fr.marelle.children.document.DocumentKindEvents.BlankFormWithdrawn;
import fr.marelle.children.document.DocumentKindEvents.DocumentKindChanged;
import fr.marelle.children.document.DocumentKindEvents.DocumentKindDefined;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A kind of document the town deals with (its code, e.g. {@code HEALTH_SHEET}): whether it is asked of every family
 * or child, how long it stays valid, whether staff review it, and the blank form to download.
 */
@Aggregate
public class DocumentKind {

    @AggregateIdentifier
    private String code;
    private DocumentScope scope;
    private UUID blankForm;

    protected DocumentKind() {
    }

    @CommandHandler
    public DocumentKind(DefineDocumentKind command) {
        DocumentRules.codeIsWellFormed(command.code());
        DocumentRules.titleIsGiven(command.title(), command.description());
        DocumentRules.validityIsComplete(command.validity(), command.validityMonths());
        if (command.scope() == null || command.requirement() == null) {
            throw fr.marelle.platform.errors.DomainException.rule("DOCUMENT_KIND_INVALID",
                    "La portée et l'exigence du document sont obligatoires.");
        }
        apply(new DocumentKindDefined(command.code(), command.title().strip(), blankToNull(command.description()),
                command.scope(), command.requirement(), command.validity(),
                command.validity() == Validity.MONTHS ? command.validityMonths() : null, command.reviewRequired(),
                command.position()));
    }

    @CommandHandler
    void handle(ChangeDocumentKind command) {
        DocumentRules.titleIsGiven(command.title(), command.description());
        DocumentRules.validityIsComplete(command.validity(), command.validityMonths());
        if (command.requirement() == null) {
            throw fr.marelle.platform.errors.DomainException.rule("DOCUMENT_KIND_INVALID",
                    "L'exigence du document est obligatoire.");
        }
        apply(new DocumentKindChanged(code, command.title().strip(), blankToNull(command.description()), scope,
                command.requirement(), command.validity(),
                command.validity() == Validity.MONTHS ? command.validityMonths() : null, command.reviewRequired()));
    }

    @CommandHandler
    void handle(PublishBlankForm command) {
        apply(new BlankFormPublished(code, command.fileId(), command.fileName()));
    }

    @CommandHandler
    void handle(WithdrawBlankForm command) {
        if (blankForm != null) {
            apply(new BlankFormWithdrawn(code));
        }
    }

    @EventSourcingHandler
    void on(DocumentKindDefined event) {
        code = event.code();
        scope = event.scope();
    }

    @EventSourcingHandler
    void on(BlankFormPublished event) {
        blankForm = event.fileId();
    }

    @EventSourcingHandler
    void on(BlankFormWithdrawn event) {
        blankForm = null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
