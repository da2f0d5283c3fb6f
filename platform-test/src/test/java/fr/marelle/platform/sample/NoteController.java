package fr.marelle.platform.sample;

import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.security.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

@RestController
public class NoteController {

    public record NoteRequest(@NotBlank(message = "Le texte est obligatoire.") @Size(max = 50,
            message = "50 caractères au plus.") String text) {
    }

    private final CommandGateway commands;
    private final JdbcClient jdbc;

    public NoteController(CommandGateway commands, JdbcClient jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @PostMapping("/api/notes")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> create(@Valid @RequestBody NoteRequest request) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new Note.CreateNote(id, request.text()));
        return Map.of("noteId", id);
    }

    @PutMapping("/api/notes/{id}")
    public void edit(@PathVariable String id, @Valid @RequestBody NoteRequest request) {
        commands.sendAndWait(new Note.EditNote(id, request.text()));
    }

    @GetMapping("/api/notes/{id}")
    public Map<String, Object> get(@PathVariable UUID id) {
        return jdbc.sql("SELECT note_id, text FROM rm_note WHERE note_id = ?").param(id.toString())
                .query().listOfRows().stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("NOTE_NOT_FOUND", "Note introuvable."));
    }

    @GetMapping("/api/admin-only")
    public Map<String, String> adminOnly() {
        Callers.require(Role.ADMIN);
        return Map.of("ok", "yes");
    }

    @GetMapping("/api/missing/{id}")
    public void missing(@PathVariable String id) {
        throw DomainException.notFound("NOTE_NOT_FOUND", "Note introuvable.");
    }
}
