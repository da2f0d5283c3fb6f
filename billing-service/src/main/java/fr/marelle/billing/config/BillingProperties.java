package fr.marelle.billing.config;

import fr.marelle.billing.invoice.Issuer;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The town that issues the documents, and how the month-end run works. */
@ConfigurationProperties("marelle.billing")
public class BillingProperties {

    /** Name shown as the issuer of invoices and credit notes. */
    private String townName = "Ville de Vincey";
    /** Address families write to about their invoices. */
    private String townContactEmail = "contact@vincey.fr";
    /** Families invoiced at once by a month-end run. */
    private int invoicingThreads = 2;

    public Issuer issuer() {
        return new Issuer(townName, townContactEmail);
    }

    public String getTownName() {
        return townName;
    }

    public void setTownName(String townName) {
        this.townName = townName;
    }

    public String getTownContactEmail() {
        return townContactEmail;
    }

    public void setTownContactEmail(String townContactEmail) {
        this.townContactEmail = townContactEmail;
    }

    public int getInvoicingThreads() {
        return invoicingThreads;
    }

    public void setInvoicingThreads(int invoicingThreads) {
        this.invoicingThreads = invoicingThreads;
    }
}
