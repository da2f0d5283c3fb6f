package fr.marelle.gateway.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** For the templates ({@code ${@auditJson.columns(…)}}): how a state given as JSON is laid out. */
@Component("auditJson")
public class AuditJson {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    /** An instant as the console writes it: in Paris, to the second. */
    public String time(Instant at) {
        return at == null ? "" : at.atZone(AuditConsoleController.PARIS).format(TIME);
    }

    /** The columns of a table of objects: every name any of them has, in order of first appearance. */
    public List<String> columns(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode item : array) {
            item.fieldNames().forEachRemaining(names::add);
        }
        return new ArrayList<>(names);
    }
}
