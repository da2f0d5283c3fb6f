package fr.marelle.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The staff console: accounts to activate, family files and what staff do for families, staff users. */
class StaffConsoleTest extends GatewayTestSupport {

    static final String FAMILY = SecurityTest.FAMILY;
    static final String GUARDIAN = SecurityTest.GUARDIAN;

    @Test
    void an_administrator_activates_an_account_or_refuses_it_with_a_reason() throws Exception {
        Cookie admin = loginStaff("ADMIN");
        services.answer("GET", "/api/guardians/awaiting-activation", 200, "[" + SecurityTest.guardian() + "]");
        Document list = page("/admin/comptes-en-attente", admin);
        assertThat(list.select("tbody th a").text()).isEqualTo("Camille Martin");
        assertThat(list.select("tbody td").eachText()).contains("camille@example.org", "20/11/2026 11:05");

        services.answer("POST", "/api/guardians/" + GUARDIAN + "/activation", 204);
        mvc.perform(post("/admin/comptes-en-attente/" + GUARDIAN + "/activation").cookie(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/comptes-en-attente"));
        assertThat(services.last("POST", "/api/guardians/" + GUARDIAN + "/activation").token().path("role").asText())
                .isEqualTo("ADMIN");
        assertThat(page("/admin/comptes-en-attente", admin).select("[role=status]").text())
                .contains("Le compte est activé");

        Document empty = page(post("/admin/comptes-en-attente/" + GUARDIAN + "/refus").cookie(admin).with(csrf())
                .param("reason", "  "));
        assertThat(errorOf(empty, "reason")).isEqualTo("Indiquez le motif du refus.");
        assertThat(empty.getElementById("reason").tagName()).isEqualTo("textarea");
        services.answer("POST", "/api/guardians/" + GUARDIAN + "/refusal", 204);
        mvc.perform(post("/admin/comptes-en-attente/" + GUARDIAN + "/refus").cookie(admin).with(csrf())
                .param("reason", "Aucun enfant scolarisé à Vincey.")).andExpect(redirectedUrl("/admin/comptes-en-attente"));
        assertThat(services.last("POST", "/api/guardians/" + GUARDIAN + "/refusal").json().path("reason").asText())
                .isEqualTo("Aucun enfant scolarisé à Vincey.");
    }

    @Test
    void families_are_found_and_their_file_read() throws Exception {
        Cookie agent = loginStaff("AGENT");
        services.answer("GET", "/api/families", 200, """
                [{"familyId":"%s","guardianId":"%s","firstName":"Camille","lastName":"Martin",
                  "loginEmail":"camille@example.org","mainPhone":"+33612345678","status":"ACTIVE"}]"""
                .formatted(FAMILY, GUARDIAN));
        Document results = page("/admin/familles?q=mart", agent);
        assertThat(services.last("GET", "/api/families").query()).isEqualTo("q=mart");
        assertThat(results.select("tbody a[href=/admin/familles/" + FAMILY + "]").text()).isEqualTo("Martin Camille");
        assertThat(results.select("tbody td").eachText()).contains("06 12 34 56 78", "actif");

        services.answer("GET", "/api/families/" + FAMILY, 200, family(FAMILY, GUARDIAN, "ACTIVE"));
        services.answer("GET", "/api/messages", 200, """
                [{"messageId":"%s","template":"VERIFY_EMAIL","channel":"EMAIL","recipient":"camille@example.org",
                  "status":"SENT","queuedAt":"2026-11-20T10:00:00Z"}]""".formatted(UUID.randomUUID()));
        Document file = page("/admin/familles/" + FAMILY, agent);
        assertThat(file.select("h1").text()).isEqualTo("Dossier de la famille Martin");
        assertThat(file.select(".address").text()).isEqualTo("3 rue de la Gare 88450 Vincey");
        assertThat(file.select(".details dd").eachText()).containsExactly("1234567", "850");
        assertThat(file.select("#responsables ~ .table-wrapper .badge").text()).isEqualTo("actif");
        assertThat(file.select("#contacts ~ .table-wrapper td").eachText())
                .containsExactly("Jeanne Martin", "06 11 22 33 44", "oui");
        assertThat(file.select("#messages ~ .table-wrapper td").eachText())
                .contains("Validation de l'adresse e-mail", "Envoyé");
        assertThat(services.last("GET", "/api/messages").query()).isEqualTo("familyId=" + FAMILY);
    }

    @Test
    void staff_open_a_family_file_for_a_family_offline() throws Exception {
        Cookie agent = loginStaff("AGENT");
        Document form = page("/admin/familles/nouvelle", agent);
        field(form, "guardian-firstName");
        field(form, "address-postcode");
        field(form, "loginEmail");
        Document errors = page(post("/admin/familles/nouvelle").cookie(agent).with(csrf())
                .param("guardian.firstName", "Lucie").param("guardian.lastName", "")
                .param("guardian.mainPhone", "06 55 44 33 22").param("guardian.quotientFamilial", "abc")
                .param("address.addressLine1", "1 place de la Mairie").param("address.postcode", "884")
                .param("address.city", "Vincey").param("inviteToPortal", "true"));
        assertThat(errorOf(errors, "guardian-lastName")).isEqualTo("Le nom est obligatoire.");
        assertThat(errorOf(errors, "guardian-quotientFamilial")).isEqualTo("Le quotient familial est un nombre entier positif.");
        assertThat(errorOf(errors, "address-postcode")).isEqualTo("Le code postal compte 5 chiffres.");
        assertThat(errorOf(errors, "loginEmail"))
                .isEqualTo("L'adresse e-mail est obligatoire pour inviter le responsable à se connecter.");
        assertThat(errors.getElementById("guardian-firstName").val()).isEqualTo("Lucie");
        assertThat(services.calls("POST", "/api/families")).isEmpty();

        services.answer("POST", "/api/families", 400, """
                {"status":400,"code":"VALIDATION_FAILED","detail":"Certains champs sont invalides.",
                 "errors":[{"field":"guardian.mainPhone","code":"PHONE","message":"Ce numéro de téléphone n'est pas un numéro français valide."}]}""");
        Document refused = page(post("/admin/familles/nouvelle").cookie(agent).with(csrf())
                .param("guardian.firstName", "Lucie").param("guardian.lastName", "Petit")
                .param("guardian.mainPhone", "06 55 44 33 22")
                .param("address.addressLine1", "1 place de la Mairie").param("address.postcode", "88450")
                .param("address.city", "Vincey"));
        assertThat(errorOf(refused, "guardian-mainPhone")).isEqualTo("Ce numéro de téléphone n'est pas un numéro français valide.");

        String familyId = UUID.randomUUID().toString();
        services.answer("POST", "/api/families", 201, "{\"familyId\":\"" + familyId + "\",\"guardianId\":\"" + UUID.randomUUID() + "\"}");
        mvc.perform(post("/admin/familles/nouvelle").cookie(agent).with(csrf())
                        .param("guardian.firstName", "Lucie").param("guardian.lastName", "Petit")
                        .param("guardian.mainPhone", "06 55 44 33 22").param("guardian.quotientFamilial", "420")
                        .param("address.addressLine1", "1 place de la Mairie").param("address.postcode", "88450")
                        .param("address.city", "Vincey").param("loginEmail", "lucie@example.org")
                        .param("inviteToPortal", "true"))
                .andExpect(redirectedUrl("/admin/familles/" + familyId + "?cree"));
        JsonNode body = services.last("POST", "/api/families").json();
        assertThat(body.path("guardian").path("firstName").asText()).isEqualTo("Lucie");
        assertThat(body.path("guardian").path("quotientFamilial").asInt()).isEqualTo(420);
        assertThat(body.path("address").path("postcode").asText()).isEqualTo("88450");
        assertThat(body.path("loginEmail").asText()).isEqualTo("lucie@example.org");
        assertThat(body.path("inviteToPortal").asBoolean()).isTrue();
        // the directory catches up a moment later: the page says so and asks again by itself
        services.answer("GET", "/api/messages", 200, "[]");
        Document pending = page("/admin/familles/" + familyId + "?cree", agent);
        assertThat(pending.select("[role=status]").text()).contains("en cours d'enregistrement");
        assertThat(pending.select("[hx-get]").attr("hx-get")).startsWith("/admin/familles/" + familyId);
    }

    @Test
    void staff_act_for_a_family_address_guardians_contacts_invitations() throws Exception {
        Cookie agent = loginStaff("AGENT");
        services.answer("GET", "/api/families/" + FAMILY, 200, family(FAMILY, GUARDIAN, "NO_LOGIN"));
        services.answer("PUT", "/api/families/" + FAMILY + "/address", 204);
        mvc.perform(post("/admin/familles/" + FAMILY + "/adresse").cookie(agent).with(csrf())
                .param("addressLine1", "5 rue Neuve").param("postcode", "88450").param("city", "Vincey"))
                .andExpect(redirectedUrl("/admin/familles/" + FAMILY));
        assertThat(services.last("PUT", "/api/families/" + FAMILY + "/address").json().path("addressLine1").asText())
                .isEqualTo("5 rue Neuve");

        Document profile = page("/admin/familles/" + FAMILY + "/responsables/" + GUARDIAN + "/profil", agent);
        assertThat(field(profile, "lastName").val()).isEqualTo("Martin");
        assertThat(field(profile, "quotientFamilial").val()).isEqualTo("850");
        services.answer("PUT", "/api/families/" + FAMILY + "/guardians/" + GUARDIAN + "/profile", 204);
        mvc.perform(post("/admin/familles/" + FAMILY + "/responsables/" + GUARDIAN + "/profil").cookie(agent)
                        .with(csrf()).params(ParentSpaceTest.profile("lastName", "Martin-Durand")))
                .andExpect(redirectedUrl("/admin/familles/" + FAMILY));
        assertThat(services.last("PUT", "/api/families/" + FAMILY + "/guardians/" + GUARDIAN + "/profile").json()
                .path("lastName").asText()).isEqualTo("Martin-Durand");

        services.answer("PUT", "/api/families/" + FAMILY + "/emergency-contacts", 204);
        mvc.perform(post("/admin/familles/" + FAMILY + "/contacts").cookie(agent).with(csrf())
                        .param("contacts[0].name", "Paul Martin").param("contacts[0].phone", "06 22 33 44 55")
                        .param("contacts[0].canPickUpChildren", "true"))
                .andExpect(redirectedUrl("/admin/familles/" + FAMILY));
        assertThat(services.last("PUT", "/api/families/" + FAMILY + "/emergency-contacts").json().path("contacts")
                .get(0).path("canPickUpChildren").asBoolean()).isTrue();

        assertThat(page("/admin/familles/" + FAMILY, agent).select("a[href$=/invitation]")).hasSize(1);
        services.answer("POST", "/api/guardians/" + GUARDIAN + "/invitation", 202);
        mvc.perform(post("/admin/familles/" + FAMILY + "/responsables/" + GUARDIAN + "/invitation").cookie(agent)
                .with(csrf()).param("email", "camille@example.org")).andExpect(redirectedUrl("/admin/familles/" + FAMILY));
        assertThat(services.last("POST", "/api/guardians/" + GUARDIAN + "/invitation").json().path("email").asText())
                .isEqualTo("camille@example.org");

        services.answer("POST", "/api/families/" + FAMILY + "/guardians", 409, """
                {"status":409,"code":"EMAIL_ALREADY_USED","detail":"Cette adresse est déjà celle d'un autre compte."}""");
        Document taken = page(post("/admin/familles/" + FAMILY + "/responsables/nouveau").cookie(agent).with(csrf())
                .param("guardian.firstName", "Marc").param("guardian.lastName", "Martin")
                .param("guardian.mainPhone", "06 55 44 33 11").param("loginEmail", "camille@example.org")
                .param("inviteToPortal", "true"));
        assertThat(errorOf(taken, "loginEmail")).isEqualTo("Cette adresse est déjà celle d'un autre compte.");
        assertThat(taken.getElementById("guardian-cafNumber")).as("the CAF information is the family's").isNull();
        services.answer("POST", "/api/families/" + FAMILY + "/guardians", 201,
                "{\"familyId\":\"" + FAMILY + "\",\"guardianId\":\"" + UUID.randomUUID() + "\"}");
        mvc.perform(post("/admin/familles/" + FAMILY + "/responsables/nouveau").cookie(agent).with(csrf())
                .param("guardian.firstName", "Marc").param("guardian.lastName", "Martin")
                .param("guardian.mainPhone", "06 55 44 33 11")).andExpect(redirectedUrl("/admin/familles/" + FAMILY));
        JsonNode added = services.last("POST", "/api/families/" + FAMILY + "/guardians").json();
        assertThat(added.path("guardian").path("firstName").asText()).isEqualTo("Marc");
        assertThat(added.path("inviteToPortal").asBoolean()).isFalse();
        assertThat(added.path("loginEmail").isNull()).isTrue();
    }

    @Test
    void administrators_manage_staff_and_the_last_one_stays() throws Exception {
        Cookie admin = loginStaff("ADMIN");
        String memberId = UUID.randomUUID().toString();
        services.answer("GET", "/api/staff", 200, """
                [{"staffId":"%s","email":"anne@vincey.test","firstName":"Anne","lastName":"Agent","role":"AGENT",
                  "active":true,"secondFactor":true,"createdAt":"2026-11-20T10:00:00Z"}]""".formatted(memberId));
        Document list = page("/admin/personnel", admin);
        assertThat(list.select("#role-0 option[selected]").val()).isEqualTo("AGENT");
        assertThat(list.select("label[for=role-0]").text()).isEqualTo("Rôle de Anne Agent");
        assertThat(list.select("form[action$=/second-facteur]")).hasSize(1);

        Document invalid = page(post("/admin/personnel/nouveau").cookie(admin).with(csrf()).param("email", "x"));
        assertThat(errorOf(invalid, "email")).isEqualTo("L'adresse e-mail n'est pas valide.");
        assertThat(invalid.select(".error-summary a[href=#role]").text()).isEqualTo("Choisissez un rôle.");
        services.answer("POST", "/api/staff", 201, "{\"staffId\":\"" + UUID.randomUUID() + "\"}");
        mvc.perform(post("/admin/personnel/nouveau").cookie(admin).with(csrf()).param("email", "paul@vincey.test")
                .param("firstName", "Paul").param("lastName", "Compta").param("role", "FINANCE"))
                .andExpect(redirectedUrl("/admin/personnel"));
        assertThat(services.last("POST", "/api/staff").json().path("role").asText()).isEqualTo("FINANCE");
        assertThat(page("/admin/personnel", admin).select("[role=status]").text())
                .isEqualTo("Une invitation a été envoyée à paul@vincey.test.");

        // the member's open sessions end when their role changes
        Cookie member = loginStaff("AGENT", memberId);
        services.answer("PUT", "/api/staff/" + memberId + "/role", 204);
        mvc.perform(post("/admin/personnel/" + memberId + "/role").cookie(admin).with(csrf()).param("role", "FINANCE"))
                .andExpect(redirectedUrl("/admin/personnel"));
        assertThat(services.last("PUT", "/api/staff/" + memberId + "/role").json().path("role").asText())
                .isEqualTo("FINANCE");
        mvc.perform(get("/admin").cookie(member)).andExpect(redirectedUrl("http://localhost/connexion"));
        assertThat(page("/admin/personnel", admin).select("[role=status]").text())
                .isEqualTo("Le rôle est changé ; ce membre devra se reconnecter.");

        services.answer("POST", "/api/staff/" + memberId + "/deactivation", 422, """
                {"status":422,"code":"LAST_ADMINISTRATOR","detail":"Le portail doit garder au moins un administrateur actif."}""");
        mvc.perform(post("/admin/personnel/" + memberId + "/desactivation").cookie(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/personnel"));
        assertThat(page("/admin/personnel", admin).select("[role=alert]").text())
                .isEqualTo("Le portail doit garder au moins un administrateur actif.");
        services.answer("POST", "/api/staff/" + memberId + "/second-factor-reset", 204);
        mvc.perform(post("/admin/personnel/" + memberId + "/second-facteur").cookie(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/personnel"));
        assertThat(services.calls("POST", "/api/staff/" + memberId + "/second-factor-reset")).hasSize(1);
    }

    @Test
    void staff_change_their_own_password_but_not_their_address() throws Exception {
        Cookie agent = loginStaff("AGENT");
        Document page = page("/mon-compte", agent);
        assertThat(page.getElementById("email-newEmail")).isNull();
        field(page, "password-newPassword");
        assertThat(page.select("nav.console-nav a[aria-current=page]").text()).isEqualTo("Mon compte");
    }
}
