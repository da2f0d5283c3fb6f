package fr.marelle.platform.sample;

import fr.marelle.platform.audit.history.TimeTravelView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A family's notes as of any instant (the sample read model holds only the note and its text). */
@Component
class NotesAsOf implements TimeTravelView {

    @Override
    public String name() {
        return "notes";
    }

    @Override
    public String processingGroup() {
        return "notes";
    }

    @Override
    public Object read(JdbcClient readModel, String familyId) {
        return readModel.sql("SELECT note_id, text FROM rm_note ORDER BY text").query().listOfRows();
    }
}
