package fr.marelle.accounts.guardian;

import fr.marelle.platform.errors.DomainException;

/** The rules of a guardian's login, named. */
final class GuardianRules {

    private GuardianRules() {
    }

    static void profileIsComplete(GuardianProfile profile) {
        if (profile == null || blank(profile.firstName()) || blank(profile.lastName())
                || blank(profile.mainPhone())) {
            throw DomainException.rule("PROFILE_INCOMPLETE",
                    "Le prénom, le nom et le téléphone principal sont obligatoires.");
        }
    }

    /** A link is single-use and expires: a used, replaced or expired one is refused. */
    static DomainException linkNoLongerValid() {
        return DomainException.rule("LINK_EXPIRED_OR_USED",
                "Ce lien n'est plus valable : il a déjà servi ou il a expiré.");
    }

    static void activationNeedsAConfirmedAddress(AccountStatus status) {
        if (status != AccountStatus.AWAITING_ACTIVATION && status != AccountStatus.REFUSED
                && status != AccountStatus.ACTIVE) {
            throw DomainException.rule("EMAIL_NOT_VERIFIED",
                    "Le compte ne peut être activé qu'une fois l'adresse e-mail validée.");
        }
    }

    static void refusalNeedsAReason(String reason) {
        if (blank(reason)) {
            throw DomainException.rule("REFUSAL_REASON_REQUIRED", "Indiquez le motif du refus.");
        }
    }

    static void refusalOnlyBeforeActivation(AccountStatus status) {
        if (status != AccountStatus.AWAITING_ACTIVATION && status != AccountStatus.EMAIL_UNVERIFIED) {
            throw DomainException.rule("ACCOUNT_NOT_AWAITING_ACTIVATION",
                    "Seul un compte en attente d'activation peut être refusé.");
        }
    }

    static void invitationNeedsNoLoginYet(AccountStatus status) {
        if (status != AccountStatus.NO_LOGIN && status != AccountStatus.INVITED) {
            throw DomainException.rule("LOGIN_ALREADY_EXISTS", "Ce responsable a déjà un identifiant de connexion.");
        }
    }

    static void loginRequired(AccountStatus status) {
        if (status == null || !status.hasLogin() || status == AccountStatus.INVITED) {
            throw DomainException.rule("NO_LOGIN", "Ce responsable n'a pas d'identifiant de connexion.");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
