package fr.marelle.gateway.services.accounts;

import fr.marelle.gateway.services.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The gateway's side of accounts-service's HTTP API: logins, registrations and emailed links (called as the gateway
 * itself, nobody being logged in yet), the logged-in user's own account, family files and staff users (called as
 * the user). Answers are read into the records below; refusals arrive as {@code ServiceProblem}s.
 */
@Component
public class AccountsClient {

    public record LoginOutcome(UUID userId, String kind, String role, UUID familyId, String displayName,
                               String status, String language, String secondFactor, String challenge) {
        public boolean needsEnrollment() {
            return "ENROLLMENT_REQUIRED".equals(secondFactor);
        }

        public boolean needsCode() {
            return "REQUIRED".equals(secondFactor);
        }
    }

    public record Enrollment(String secret, String otpauthUri, String qrCodeDataUri) {
    }

    public record Enrolled(LoginOutcome login, List<String> recoveryCodes) {
    }

    public record Registered(UUID userId, UUID familyId, String displayName, String status) {
    }

    public record Guardian(UUID guardianId, UUID familyId, String origin, String status, String civility,
                           String firstName, String lastName, String mainPhone, String secondaryPhone,
                           String loginEmail, String notificationEmail, String secondaryEmail, String language,
                           boolean newsletterConsent, String refusalReason, OffsetDateTime registeredAt,
                           OffsetDateTime emailVerifiedAt, OffsetDateTime activatedAt) {
        public String fullName() {
            return (firstName == null ? "" : firstName + " ") + (lastName == null ? "" : lastName);
        }

        /** Staff may invite a guardian who has no login, or was invited and has not answered. */
        public boolean mayBeInvited() {
            return "NO_LOGIN".equals(status) || "INVITED".equals(status);
        }
    }

    public record Me(UUID userId, String kind, String role, String status, String displayName, String loginEmail,
                     String language, UUID familyId, Guardian guardian) {
    }

    public record Contact(UUID contactId, String name, String phone, boolean canPickUpChildren) {
    }

    public record FamilyFile(UUID familyId, String addressLine1, String addressLine2, String postcode, String city,
                             String cafNumber, Integer quotientFamilial, OffsetDateTime openedAt,
                             String openedByRole, List<Guardian> guardians, List<Contact> contacts) {
        public FamilyFile {
            guardians = guardians == null ? List.of() : guardians;
            contacts = contacts == null ? List.of() : contacts;
        }

        public String familyName() {
            return guardians.isEmpty() ? "" : guardians.get(0).lastName();
        }

        public java.util.Optional<Guardian> guardian(UUID guardianId) {
            return guardians.stream().filter(g -> g.guardianId().equals(guardianId)).findFirst();
        }

        /** The reduced tariffs need both: home reminds the family until they are given. */
        public boolean lacksCafInformation() {
            return cafNumber == null || cafNumber.isBlank() || quotientFamilial == null;
        }
    }

    public record FamilyName(UUID familyId, String familyName) {
    }

    public record FamilySearchResult(UUID familyId, UUID guardianId, String firstName, String lastName,
                                     String loginEmail, String mainPhone, String status) {
    }

    public record StaffMember(UUID staffId, String email, String firstName, String lastName, String role,
                              boolean active, boolean secondFactor, OffsetDateTime createdAt) {
    }

    public record Opened(UUID familyId, UUID guardianId) {
    }

    public record Done(UUID userId) {
    }

    /** What an emailed link confirms, as accounts-service names it. */
    public enum LinkPurpose { EMAIL_VERIFICATION, PASSWORD_RESET, EMAIL_CHANGE, INVITATION }

    private static final String ACCOUNTS = "accounts";

    private final ServiceClients services;

    AccountsClient(ServiceClients services) {
        this.services = services;
    }

    private ServiceClients.Call asGateway() {
        return services.serviceAsGateway(ACCOUNTS);
    }

    private ServiceClients.Call asUser() {
        return services.service(ACCOUNTS);
    }

    // --- logins (as the gateway) -------------------------------------------------------------------------------

    public LoginOutcome authenticate(String email, String password) {
        return asGateway().post("/api/authentication", Map.of("email", email, "password", password),
                LoginOutcome.class);
    }

    public LoginOutcome verifySecondFactor(String challenge, String code) {
        return asGateway().post("/api/authentication/second-factor", Map.of("challenge", challenge, "code", code),
                LoginOutcome.class);
    }

    public Enrollment startEnrollment(String challenge) {
        return asGateway().post("/api/authentication/second-factor/enrollment", Map.of("challenge", challenge),
                Enrollment.class);
    }

    public Enrolled confirmEnrollment(String challenge, String code) {
        return asGateway().post("/api/authentication/second-factor/enrollment/confirmation",
                Map.of("challenge", challenge, "code", code), Enrolled.class);
    }

    // --- registration and emailed links (as the gateway) -----------------------------------------------------

    public Registered register(Map<String, Object> registration) {
        return asGateway().post("/api/registrations", registration, Registered.class);
    }

    public void requestPasswordReset(String email) {
        asGateway().post("/api/password-resets", Map.of("email", email), Void.class);
    }

    /** Whether a link can still be used; nothing is consumed. */
    public boolean linkIsValid(String token, LinkPurpose purpose) {
        Map<String, Boolean> answer = asGateway().post("/api/link-checks",
                Map.of("token", token, "purpose", purpose.name()), BOOLEANS);
        return answer != null && Boolean.TRUE.equals(answer.get("valid"));
    }

    public Done verifyEmail(String token) {
        return asGateway().post("/api/email-verifications", Map.of("token", token), Done.class);
    }

    public Done completePasswordReset(String token, String password, String confirmation) {
        return asGateway().post("/api/password-resets/completion", Map.of("token", token, "password", password,
                "passwordConfirmation", confirmation), Done.class);
    }

    public Done acceptInvitation(String token, String password, String confirmation) {
        return asGateway().post("/api/invitations/acceptance", Map.of("token", token, "password", password,
                "passwordConfirmation", confirmation), Done.class);
    }

    public Done confirmEmailChange(String token) {
        return asGateway().post("/api/email-changes/confirmation", Map.of("token", token), Done.class);
    }

    /**
     * The logged-in parent's own family file, found by their login: it works before activation too, when their
     * tokens name no family (so that no other service acts for it).
     */
    public FamilyFile myFamily() {
        return asUser().get("/api/me/family", FamilyFile.class);
    }

    /** The logged-in parent's family's emergency contacts, by their login (also before activation). */
    public void saveMyEmergencyContacts(List<Map<String, Object>> contacts) {
        asUser().put("/api/me/emergency-contacts", Map.of("contacts", contacts));
    }

    // --- the logged-in user's own account ----------------------------------------------------------------------

    public Me me() {
        return asUser().get("/api/me", Me.class);
    }

    public void saveMyProfile(Map<String, Object> profile) {
        asUser().put("/api/me/profile", profile);
    }

    public void changeMyPassword(String current, String next, String confirmation) {
        asUser().post("/api/me/password", Map.of("currentPassword", current, "newPassword", next,
                "newPasswordConfirmation", confirmation), Void.class);
    }

    public void changeMyEmail(String newEmail, String currentPassword) {
        asUser().post("/api/me/email", Map.of("newEmail", newEmail, "currentPassword", currentPassword),
                Void.class);
    }

    public void resendEmailVerification() {
        asUser().post("/api/me/email-verification", Map.of(), Void.class);
    }

    // --- family files (the family's own, or staff) -----------------------------------------------------------

    public FamilyFile family(Object familyId) {
        return asUser().get("/api/families/{id}", FamilyFile.class, familyId);
    }

    /**
     * The names of many families in one call (staff lists), by id; families accounts does not know are absent. At
     * most {@link #NAMES_PER_CALL} ids per call, as accounts-service accepts.
     */
    public Map<UUID, String> familyNames(Collection<UUID> familyIds) {
        List<UUID> ids = familyIds.stream().distinct().toList();
        Map<UUID, String> names = new HashMap<>();
        for (int from = 0; from < ids.size(); from += NAMES_PER_CALL) {
            List<UUID> page = ids.subList(from, Math.min(ids.size(), from + NAMES_PER_CALL));
            String uri = "/api/families/names?" + IntStream.range(0, page.size())
                    .mapToObj(i -> "id={id" + i + "}").collect(Collectors.joining("&"));
            asUser().get(uri, FAMILY_NAMES, page.toArray())
                    .forEach(name -> names.put(name.familyId(), name.familyName()));
        }
        return names;
    }

    public void saveEmergencyContacts(Object familyId, List<Map<String, Object>> contacts) {
        asUser().put("/api/families/{id}/emergency-contacts", Map.of("contacts", contacts), familyId);
    }

    public List<FamilySearchResult> searchFamilies(String query) {
        return asUser().get("/api/families?q={q}", SEARCH_RESULTS, query == null ? "" : query);
    }

    public Opened openFamily(Map<String, Object> request) {
        return asUser().post("/api/families", request, Opened.class);
    }

    public void changeAddress(Object familyId, Map<String, Object> address) {
        asUser().put("/api/families/{id}/address", address, familyId);
    }

    public void saveGuardianProfile(Object familyId, Object guardianId, Map<String, Object> profile) {
        asUser().put("/api/families/{id}/guardians/{gid}/profile", profile, familyId, guardianId);
    }

    public Opened addGuardian(Object familyId, Map<String, Object> request) {
        return asUser().post("/api/families/{id}/guardians", request, Opened.class, familyId);
    }

    public void inviteGuardian(Object guardianId, String email) {
        asUser().post("/api/guardians/{id}/invitation", Map.of("email", email), Void.class, guardianId);
    }

    public List<Guardian> awaitingActivation() {
        return asUser().get("/api/guardians/awaiting-activation", GUARDIANS);
    }

    public void activate(Object guardianId) {
        asUser().post("/api/guardians/{id}/activation", Map.of(), Void.class, guardianId);
    }

    public void refuse(Object guardianId, String reason) {
        asUser().post("/api/guardians/{id}/refusal", Map.of("reason", reason), Void.class, guardianId);
    }

    // --- staff users -------------------------------------------------------------------------------------------

    public List<StaffMember> staff() {
        return asUser().get("/api/staff", STAFF);
    }

    public void inviteStaff(String email, String firstName, String lastName, String role) {
        asUser().post("/api/staff", Map.of("email", email, "firstName", firstName, "lastName", lastName,
                "role", role), Void.class);
    }

    public void changeStaffRole(Object staffId, String role) {
        asUser().put("/api/staff/{id}/role", Map.of("role", role), staffId);
    }

    public void deactivateStaff(Object staffId) {
        asUser().post("/api/staff/{id}/deactivation", Map.of(), Void.class, staffId);
    }

    public void reactivateStaff(Object staffId) {
        asUser().post("/api/staff/{id}/reactivation", Map.of(), Void.class, staffId);
    }

    public void resetStaffSecondFactor(Object staffId) {
        asUser().post("/api/staff/{id}/second-factor-reset", Map.of(), Void.class, staffId);
    }

    private static final Class<Map<String, Boolean>> BOOLEANS = booleans();
    static final int NAMES_PER_CALL = 100;
    private static final ParameterizedTypeReference<List<FamilyName>> FAMILY_NAMES =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<FamilySearchResult>> SEARCH_RESULTS =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<List<Guardian>> GUARDIANS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<StaffMember>> STAFF = new ParameterizedTypeReference<>() {
    };

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Boolean>> booleans() {
        return (Class<Map<String, Boolean>>) (Class<?>) Map.class;
    }
}
