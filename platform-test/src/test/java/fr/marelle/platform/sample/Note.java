package fr.marelle.platform.sample;

import fr.marelle.platform.errors.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate
public class Note {

    public record CreateNote(@TargetAggregateIdentifier String noteId, String text) {
    }

    public record EditNote(@TargetAggregateIdentifier String noteId, String text) {
    }

    @Revision("1")
    public record NoteCreated(String noteId, String text) {
    }

    @Revision("1")
    public record NoteEdited(String noteId, String text) {
    }

    @AggregateIdentifier
    private String noteId;

    protected Note() {
    }

    @CommandHandler
    public Note(CreateNote command) {
        apply(new NoteCreated(command.noteId(), command.text()));
    }

    @CommandHandler
    public void handle(EditNote command) {
        if (command.text().contains("forbidden")) {
            throw DomainException.rule("NOTE_TEXT_FORBIDDEN", "Ce texte est interdit.");
        }
        apply(new NoteEdited(command.noteId(), command.text()));
    }

    @EventSourcingHandler
    void on(NoteCreated event) {
        this.noteId = event.noteId();
    }
}
