package fr.marelle.platform.sample;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import fr.marelle.platform.audit.history.ProjectionTables;

@Component
@ProcessingGroup("notes")
@ProjectionTables("rm_note")
public class NoteProjection {

    private final JdbcClient jdbc;

    public NoteProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Note.NoteCreated event) {
        jdbc.sql("INSERT INTO rm_note (note_id, text) VALUES (?, ?) ON CONFLICT (note_id) DO NOTHING")
                .params(event.noteId(), event.text()).update();
    }

    @EventHandler
    void on(Note.NoteEdited event) {
        jdbc.sql("UPDATE rm_note SET text = ? WHERE note_id = ?").params(event.text(), event.noteId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_note").update();
    }
}
