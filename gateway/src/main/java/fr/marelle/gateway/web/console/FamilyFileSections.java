package fr.marelle.gateway.web.console;

import fr.marelle.gateway.security.GatewayUser;

import java.util.List;
import java.util.UUID;

/**
 * What a feature shows of one family in its file on the console (children, bookings, invoices, wallet, messages…),
 * with the actions staff may take on the family's behalf. Each feature declares its own as a bean; the file asks
 * them all at once and shows a section as unavailable when its service does not answer.
 */
@FunctionalInterface
public interface FamilyFileSections {

    List<FamilySection> sections(UUID familyId, GatewayUser user);
}
