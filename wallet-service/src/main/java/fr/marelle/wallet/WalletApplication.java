package fr.marelle.wallet;

import fr.marelle.platform.MarelleApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The prepaid wallet of each family (main and CESU balances), payments and top-ups. */
@SpringBootApplication
public class WalletApplication {

    public static void main(String[] args) {
        MarelleApplication.run(WalletApplication.class, args);
    }
}
