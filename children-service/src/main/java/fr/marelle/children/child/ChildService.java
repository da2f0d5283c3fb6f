package fr.marelle.children.child;

import fr.marelle.children.calendar.SchoolYear;
import fr.marelle.children.calendar.TownCalendar;
import fr.marelle.children.child.ChildCommands.ArchiveChild;
import fr.marelle.children.child.ChildCommands.LinkChildToFamily;
import fr.marelle.children.child.ChildCommands.RecordCareNotesChange;
import fr.marelle.children.child.ChildCommands.RecordCareNotesErasure;
import fr.marelle.children.child.ChildCommands.RegisterChild;
import fr.marelle.children.child.ChildCommands.UnlinkChildFromFamily;
import fr.marelle.children.child.ChildCommands.UpdateChildDetails;
import fr.marelle.children.file.StoredFiles;
import fr.marelle.children.school.query.SchoolCatalog.SchoolView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Children's records, by their families or by staff on a family's behalf (the events then name the staff member as
 * the actor). A child and its care notes are saved in one transaction: both, or nothing.
 */
@Service
public class ChildService {

    private final CommandGateway commands;
    private final CareNotes careNotes;
    private final StoredFiles files;
    private final TownCalendar calendar;
    private final TransactionTemplate transactions;

    ChildService(CommandGateway commands, CareNotes careNotes, StoredFiles files, TownCalendar calendar,
                 TransactionTemplate transactions) {
        this.commands = commands;
        this.careNotes = careNotes;
        this.files = files;
        this.calendar = calendar;
        this.transactions = transactions;
    }

    public SchoolChoice choiceOf(SchoolView school) {
        SchoolYear current = calendar.currentSchoolYear();
        Set<UUID> classes = new HashSet<>();
        school.classesOf(current.toString()).forEach(c -> classes.add(c.classId()));
        return new SchoolChoice(school.schoolId(), school.active(), school.minAge(), school.maxAge(), current,
                classes);
    }

    public UUID register(UUID familyId, String firstName, String lastName, LocalDate birthDate, SchoolView school,
                         String dietComment, String allergies) {
        UUID childId = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            commands.sendAndWait(new RegisterChild(childId, familyId, firstName, lastName, birthDate,
                    choiceOf(school), calendar.today()));
            saveCareNotes(childId, dietComment, allergies);
        });
        return childId;
    }

    public void update(UUID childId, String firstName, String lastName, LocalDate birthDate, SchoolView school,
                       UUID classId, String dietComment, String allergies) {
        transactions.executeWithoutResult(status -> {
            commands.sendAndWait(new UpdateChildDetails(childId, firstName, lastName, birthDate, choiceOf(school),
                    classId, calendar.today()));
            saveCareNotes(childId, dietComment, allergies);
        });
    }

    private void saveCareNotes(UUID childId, String dietComment, String allergies) {
        if (careNotes.save(childId, dietComment, allergies, calendar.clock().instant())) {
            commands.sendAndWait(new RecordCareNotesChange(childId));
        }
    }

    public void archive(UUID childId) {
        commands.sendAndWait(new ArchiveChild(childId));
    }

    public void link(UUID childId, UUID familyId) {
        commands.sendAndWait(new LinkChildToFamily(childId, familyId));
    }

    public void unlink(UUID childId, UUID familyId) {
        commands.sendAndWait(new UnlinkChildFromFamily(childId, familyId));
    }

    /** Right to erasure: the care notes and the contents of the child's files go; the facts that they existed stay. */
    public int eraseSensitiveData(UUID childId) {
        Integer erased = transactions.execute(status -> {
            careNotes.erase(childId);
            int count = files.eraseChildFiles(childId);
            commands.sendAndWait(new RecordCareNotesErasure(childId));
            return count;
        });
        return erased == null ? 0 : erased;
    }
}
