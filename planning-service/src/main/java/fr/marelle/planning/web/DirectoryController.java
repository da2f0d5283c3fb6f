package fr.marelle.planning.web;

import fr.marelle.planning.directory.ChildDirectory;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What planning knows of children and schools, for staff pages (registers) and for a family's own children. */
@RestController
class DirectoryController {

    private final ChildDirectory directory;

    DirectoryController(ChildDirectory directory) {
        this.directory = directory;
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @GetMapping("/api/directory/children")
    List<ChildDirectory.ChildView> search(@RequestParam("q") String query) {
        Callers.require(Role.ADMIN, Role.AGENT);
        if (query == null || query.strip().length() < 2 || query.length() > 100) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains paramètres sont invalides.",
                    List.of(new FieldViolation("q", "LENGTH", "Saisissez au moins deux lettres du nom.")));
        }
        return directory.search(query, 20);
    }

    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR})
    @GetMapping("/api/directory/schools")
    List<ChildDirectory.SchoolView> schools() {
        Callers.current();
        return directory.schools();
    }
}
