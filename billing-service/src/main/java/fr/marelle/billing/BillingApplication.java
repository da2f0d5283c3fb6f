package fr.marelle.billing;

import fr.marelle.platform.MarelleApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Tariff grids, orders, charges, invoices and credit notes. */
@SpringBootApplication
public class BillingApplication {

    public static void main(String[] args) {
        MarelleApplication.run(BillingApplication.class, args);
    }
}
