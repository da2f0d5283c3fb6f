package fr.marelle.billing.directory;

import fr.marelle.billing.invoice.BilledTo;
import fr.marelle.contracts.accounts.FamilyAddressChanged;
import fr.marelle.contracts.accounts.GuardianProfileUpdated;
import fr.marelle.contracts.accounts.GuardianRegistered;
import fr.marelle.contracts.accounts.QuotientFamilialChanged;
import fr.marelle.contracts.children.ChildDetailsUpdated;
import fr.marelle.contracts.children.ChildRegistered;
import fr.marelle.contracts.children.QuotientFamilialAttested;
import fr.marelle.contracts.planning.ServiceChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What billing knows of other contexts, learnt from their Kafka topics and kept in the consumer's transaction
 * ({@code ref_*} tables): the services and what CESU may pay for, the children and their birth dates, the families'
 * addresses and guardians (who invoices are addressed to), the declared quotient familial and the validated QF
 * attestations. Not event-sourced here: erasing a family is deleting its rows; rebuilt from the topics, which keep
 * their whole history.
 */
@Component
public class BillingDirectory {

    /** A service of planning's catalogue. {@code cesuClass}: DAYCARE, LEISURE_CENTRE or NONE. */
    public record Service(String serviceId, String code, String name, String cesuClass, String unit, boolean active) {
    }

    public record Child(String childId, String familyId, String firstName, String lastName, LocalDate birthDate) {
        public String displayName() {
            return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        }
    }

    /** A validated QF attestation: the QF applies to the days from {@code validFrom} to {@code validUntil}. */
    public record Attestation(String documentId, int quotientFamilial, LocalDate validFrom, LocalDate validUntil) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(validFrom) && !day.isAfter(validUntil);
        }
    }

    public record FamilyQuotient(Integer declared, List<Attestation> attestations) {
    }

    private final JdbcClient jdbc;

    BillingDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --------------------------------------------------------------------------------------------- questions

    public Optional<Service> service(String serviceId) {
        return jdbc.sql("SELECT service_id, code, name, cesu_class, unit, active FROM ref_service WHERE service_id = ?")
                .param(serviceId).query(Service.class).optional();
    }

    public List<Service> services() {
        return jdbc.sql("SELECT service_id, code, name, cesu_class, unit, active FROM ref_service ORDER BY name")
                .query(Service.class).list();
    }

    public Map<String, Service> services(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT service_id, code, name, cesu_class, unit, active FROM ref_service "
                        + "WHERE service_id IN (:ids)")
                .param("ids", ids).query(Service.class).list().stream()
                .collect(Collectors.toMap(Service::serviceId, Function.identity()));
    }

    public Map<String, Child> children(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT child_id, family_id, first_name, last_name, birth_date FROM ref_child "
                        + "WHERE child_id IN (:ids)")
                .param("ids", ids).query(Child.class).list().stream()
                .collect(Collectors.toMap(Child::childId, Function.identity()));
    }

    public FamilyQuotient quotientOf(String familyId) {
        Integer declared = jdbc.sql("SELECT declared_qf FROM ref_family WHERE family_id = ?").param(familyId)
                .query(Integer.class).optional().orElse(null);
        List<Attestation> attestations = jdbc.sql("""
                        SELECT document_id, quotient_familial, valid_from, valid_until FROM ref_qf_attestation
                        WHERE family_id = ? ORDER BY valid_from DESC, recorded_at DESC""")
                .param(familyId).query(Attestation.class).list();
        return new FamilyQuotient(declared, attestations);
    }

    /** The family's first guardian and its address, as an invoice is addressed. */
    public BilledTo billedTo(String familyId) {
        record Guardian(String civility, String firstName, String lastName) {
        }
        record Address(String addressLine1, String addressLine2, String postcode, String city) {
        }
        Optional<Guardian> guardian = jdbc.sql("""
                        SELECT civility, first_name, last_name FROM ref_guardian WHERE family_id = ?
                        ORDER BY registered_at, guardian_id LIMIT 1""")
                .param(familyId).query((rs, n) -> new Guardian(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
        Optional<Address> address = jdbc.sql("""
                        SELECT address_line1, address_line2, postcode, city FROM ref_family WHERE family_id = ?""")
                .param(familyId).query((rs, n) -> new Address(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .optional();
        String name = guardian.map(g -> (civilityOf(g.civility()) + " " + nz(g.firstName()) + " " + nz(g.lastName()))
                .strip().replaceAll(" +", " ")).filter(n -> !n.isBlank()).orElse("Famille " + familyId);
        return new BilledTo(name, address.map(Address::addressLine1).orElse(null),
                address.map(Address::addressLine2).orElse(null), address.map(Address::postcode).orElse(null),
                address.map(Address::city).orElse(null));
    }

    private static String civilityOf(String civility) {
        if ("MADAME".equals(civility)) {
            return "Madame";
        }
        return "MONSIEUR".equals(civility) ? "Monsieur" : "";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ---------------------------------------------------------- facts from other contexts, in the consumer's transaction

    public void serviceChanged(ServiceChanged e, Instant at) {
        jdbc.sql("""
                        INSERT INTO ref_service (service_id, code, name, cesu_class, unit, active, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (service_id) DO UPDATE SET code = excluded.code, name = excluded.name,
                            cesu_class = excluded.cesu_class, unit = excluded.unit, active = excluded.active,
                            updated_at = excluded.updated_at""")
                .params(e.serviceId(), e.code(), e.name(), e.cesuClass() == null ? "NONE" : e.cesuClass(), e.unit(),
                        e.active(), Timestamp.from(at))
                .update();
    }

    public void childRegistered(ChildRegistered e, Instant at) {
        child(e.childId(), e.familyId(), e.firstName(), e.lastName(), e.birthDate(), at);
    }

    public void childDetailsUpdated(ChildDetailsUpdated e, Instant at) {
        child(e.childId(), e.familyId(), e.firstName(), e.lastName(), e.birthDate(), at);
    }

    private void child(String childId, String familyId, String firstName, String lastName, LocalDate birthDate,
                       Instant at) {
        jdbc.sql("""
                        INSERT INTO ref_child (child_id, family_id, first_name, last_name, birth_date, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (child_id) DO UPDATE SET family_id = excluded.family_id,
                            first_name = excluded.first_name, last_name = excluded.last_name,
                            birth_date = excluded.birth_date, updated_at = excluded.updated_at""")
                .params(childId, familyId, firstName, lastName, birthDate, Timestamp.from(at))
                .update();
    }

    public void familyAddressChanged(FamilyAddressChanged e, Instant at) {
        jdbc.sql("""
                        INSERT INTO ref_family (family_id, address_line1, address_line2, postcode, city, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (family_id) DO UPDATE SET address_line1 = excluded.address_line1,
                            address_line2 = excluded.address_line2, postcode = excluded.postcode, city = excluded.city,
                            updated_at = excluded.updated_at""")
                .params(e.familyId(), e.line1(), e.line2(), e.postcode(), e.city(), Timestamp.from(at))
                .update();
    }

    public void quotientFamilialChanged(QuotientFamilialChanged e, Instant at) {
        jdbc.sql("""
                        INSERT INTO ref_family (family_id, declared_qf, caf_number, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (family_id) DO UPDATE SET declared_qf = excluded.declared_qf,
                            caf_number = excluded.caf_number, updated_at = excluded.updated_at""")
                .params(e.familyId(), e.quotientFamilial(), e.cafNumber(), Timestamp.from(at))
                .update();
    }

    public void quotientFamilialAttested(QuotientFamilialAttested e, Instant at) {
        jdbc.sql("""
                        INSERT INTO ref_qf_attestation (family_id, document_id, quotient_familial, valid_from,
                            valid_until, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (family_id, document_id) DO UPDATE SET
                            quotient_familial = excluded.quotient_familial, valid_from = excluded.valid_from,
                            valid_until = excluded.valid_until, recorded_at = excluded.recorded_at""")
                .params(e.familyId(), e.documentId(), e.quotientFamilial(), e.validFrom(), e.validUntil(),
                        Timestamp.from(at))
                .update();
    }

    public void guardianRegistered(GuardianRegistered e, Instant at) {
        jdbc.sql("""
                        INSERT INTO ref_guardian (guardian_id, family_id, civility, first_name, last_name, registered_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (guardian_id) DO UPDATE SET family_id = excluded.family_id,
                            civility = excluded.civility, first_name = excluded.first_name,
                            last_name = excluded.last_name""")
                .params(e.guardianId(), e.familyId(), e.civility(), e.firstName(), e.lastName(), Timestamp.from(at))
                .update();
    }

    public void guardianProfileUpdated(GuardianProfileUpdated e, Instant at) {
        jdbc.sql("""
                        INSERT INTO ref_guardian (guardian_id, family_id, civility, first_name, last_name, registered_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (guardian_id) DO UPDATE SET civility = excluded.civility,
                            first_name = excluded.first_name, last_name = excluded.last_name""")
                .params(e.guardianId(), e.familyId(), e.civility(), e.firstName(), e.lastName(), Timestamp.from(at))
                .update();
    }
}
