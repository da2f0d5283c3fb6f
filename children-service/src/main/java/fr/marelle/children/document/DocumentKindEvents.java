package fr.marelle.children.document;

import org.axonframework.serialization.Revision;

import java.util.UUID;

public final class DocumentKindEvents {

    private DocumentKindEvents() {
    }

    @Revision("1")
    public record DocumentKindDefined(String code, String title, String description, DocumentScope scope,
                                      Requirement requirement, Validity validity, Integer validityMonths,
                                      boolean reviewRequired, int position) {
    }

    @Revision("1")
    public record DocumentKindChanged(String code, String title, String description, DocumentScope scope,
                                      Requirement requirement, Validity validity, Integer validityMonths,
                                      boolean reviewRequired) {
    }

    @Revision("1")
    public record BlankFormPublished(String code, UUID fileId, String fileName) {
    }

    @Revision("1")
    public record BlankFormWithdrawn(String code) {
    }
}
