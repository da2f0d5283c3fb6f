package fr.marelle.accounts;

import fr.marelle.platform.MarelleApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Family accounts, login identities, profiles, emergency contacts, CAF number and quotient familial, staff users. */
@SpringBootApplication
public class AccountsApplication {

    public static void main(String[] args) {
        MarelleApplication.run(AccountsApplication.class, args);
    }
}
