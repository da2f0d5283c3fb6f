package fr.marelle.children.document;

import fr.marelle.children.calendar.TownCalendar;
import fr.marelle.children.document.DocumentCommands.ApproveDocument;
import fr.marelle.children.document.DocumentCommands.RejectDocument;
import fr.marelle.children.document.DocumentCommands.SubmitDocument;
import fr.marelle.children.document.DocumentKindCommands.ChangeDocumentKind;
import fr.marelle.children.document.DocumentKindCommands.DefineDocumentKind;
import fr.marelle.children.document.DocumentKindCommands.PublishBlankForm;
import fr.marelle.children.document.DocumentKindCommands.WithdrawBlankForm;
import fr.marelle.children.document.query.DocumentRegister.KindView;
import fr.marelle.children.file.StoredFiles;
import fr.marelle.children.file.UploadInspector;
import fr.marelle.platform.errors.FieldViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Documents families send and staff review, and the catalogue of kinds. An upload is checked whole before anything
 * is kept; its file and the fact that it was sent are then recorded in one transaction: both, or nothing.
 */
@Service
public class DocumentService {

    private final CommandGateway commands;
    private final UploadInspector inspector;
    private final StoredFiles files;
    private final TownCalendar calendar;
    private final TransactionTemplate transactions;

    DocumentService(CommandGateway commands, UploadInspector inspector, StoredFiles files, TownCalendar calendar,
                    TransactionTemplate transactions) {
        this.commands = commands;
        this.inspector = inspector;
        this.files = files;
        this.calendar = calendar;
        this.transactions = transactions;
    }

    public static KindSnapshot snapshot(KindView kind) {
        return new KindSnapshot(kind.code(), kind.title(), DocumentScope.valueOf(kind.scope()),
                Requirement.valueOf(kind.requirement()), Validity.valueOf(kind.validity()), kind.validityMonths(),
                kind.reviewRequired());
    }

    /** The fields of a kind the request gets wrong, before any command: see {@link DocumentRules#kindViolations}. */
    public static List<FieldViolation> kindViolations(String code, Validity validity, Integer validityMonths) {
        return DocumentRules.kindViolations(code, validity, validityMonths);
    }

    /** The code of a new kind staff named only by its title, not one of {@code taken}. */
    public static String codeFromTitle(String title, Predicate<String> taken) {
        return DocumentRules.codeFromTitle(title, taken);
    }

    /** The caller has been checked: the family and child are theirs (or staff act for them). */
    public UUID submit(KindView kind, UUID familyId, UUID childId, String fileName, byte[] content) {
        KindSnapshot snapshot = snapshot(kind);
        DocumentRules.kindAcceptsThisDocument(snapshot, childId); // before the file is even read
        UploadInspector.Inspected file = inspector.inspect(fileName, content);
        UUID documentId = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            UUID fileId = files.save(StoredFiles.Purpose.DOCUMENT, familyId, childId, file);
            commands.sendAndWait(new SubmitDocument(documentId, snapshot, familyId, childId, fileId, file.fileName(),
                    calendar.enrolmentSchoolYear(), calendar.today()));
        });
        return documentId;
    }

    public void approve(UUID documentId, LocalDate validUntil, Integer quotientFamilial) {
        commands.sendAndWait(new ApproveDocument(documentId, validUntil, quotientFamilial, calendar.today()));
    }

    public void reject(UUID documentId, String reason) {
        commands.sendAndWait(new RejectDocument(documentId, reason));
    }

    public void define(DefineDocumentKind command) {
        commands.sendAndWait(command);
    }

    public void change(ChangeDocumentKind command) {
        commands.sendAndWait(command);
    }

    public void publishBlankForm(String code, String fileName, byte[] content) {
        UploadInspector.Inspected file = inspector.inspect(fileName, content);
        transactions.executeWithoutResult(status -> {
            UUID fileId = files.save(StoredFiles.Purpose.BLANK_FORM, null, null, file);
            commands.sendAndWait(new PublishBlankForm(code, fileId, file.fileName()));
        });
    }

    public void withdrawBlankForm(String code) {
        commands.sendAndWait(new WithdrawBlankForm(code));
    }
}
