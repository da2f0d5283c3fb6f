package fr.marelle.gateway.web.parent;

import fr.marelle.gateway.security.AccountState;
import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.ServiceUnavailable;
import fr.marelle.gateway.services.accounts.AccountsClient;
import fr.marelle.gateway.services.accounts.AccountsClient.FamilyFile;
import fr.marelle.gateway.web.login.LoginController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.Map;
import java.util.Optional;

/**
 * The home page: the login form for visitors (screens 1-3), the console for staff, and the parent's home (screen 5): where the account stands — address to confirm (with a button to get the email
 * again), waiting for staff, refused with the reason, or open — and the reminder to give the CAF number and
 * quotient familial for the reduced tariffs.
 */
@Controller
class HomeController {

    private final AccountsClient accounts;
    private final AccountState accountState;

    HomeController(AccountsClient accounts, AccountState accountState) {
        this.accounts = accounts;
        this.accountState = accountState;
    }

    @GetMapping("/")
    String home(HttpServletRequest request, HttpServletResponse response, Model model) {
        GatewayUser user = CurrentActor.user().orElse(null);
        if (user == null) {
            // the login page, as /connexion shows it
            model.addAttribute("form", new LoginController.LoginForm());
            model.addAttribute("errors", Map.of());
            return "login/login";
        }
        if (!user.isParent()) {
            return "redirect:/admin";
        }
        Optional<AccountsClient.Me> me = accountState.read(request, response);
        user = CurrentActor.user().orElseThrow();
        model.addAttribute("currentUser", user);
        model.addAttribute("refusalReason", me.map(AccountsClient.Me::guardian)
                .map(AccountsClient.Guardian::refusalReason).orElse(null));
        model.addAttribute("cafReminder", user.mayEditProfile() ? family(user).map(FamilyFile::lacksCafInformation)
                .orElse(true) : true);
        return "parent/home";
    }

    /** Always the same answer, whether or not an email could be sent. */
    @PostMapping("/email-de-validation")
    String resendVerification() {
        try {
            accounts.resendEmailVerification();
        } catch (ServiceProblem ignored) {
            // an address already confirmed, an account that does not exist, too many requests: same answer
        }
        return "redirect:/?renvoye";
    }

    private Optional<FamilyFile> family(GatewayUser user) {
        try {
            return Optional.ofNullable(accounts.myFamily());
        } catch (ServiceProblem | ServiceUnavailable e) {
            return Optional.empty();
        }
    }
}
