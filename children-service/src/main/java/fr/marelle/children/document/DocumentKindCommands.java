package fr.marelle.children.document;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** What staff may ask of the catalogue of documents. */
public final class DocumentKindCommands {

    private DocumentKindCommands() {
    }

    public record DefineDocumentKind(@TargetAggregateIdentifier String code, String title, String description,
                                     DocumentScope scope, Requirement requirement, Validity validity,
                                     Integer validityMonths, boolean reviewRequired, int position) {
    }

    /** The scope never changes: documents already sent keep their meaning. */
    public record ChangeDocumentKind(@TargetAggregateIdentifier String code, String title, String description,
                                     Requirement requirement, Validity validity, Integer validityMonths,
                                     boolean reviewRequired) {
    }

    /** The blank form (or the house rules) families download. */
    public record PublishBlankForm(@TargetAggregateIdentifier String code, UUID fileId, String fileName) {
    }

    public record WithdrawBlankForm(@TargetAggregateIdentifier String code) {
    }
}
