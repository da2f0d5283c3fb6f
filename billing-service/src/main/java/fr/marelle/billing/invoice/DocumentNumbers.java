package fr.marelle.billing.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Numbers of invoices ({@code FAC-2026-000042}), credit notes ({@code AV-…}) and orders ({@code CMD-…}), one series
 * per kind and year. A number is taken by an UPDATE of its series' row in the transaction that issues the document:
 * the row stays locked until that transaction ends, so two issuers never get the same number, and a transaction that
 * fails gives its number back — invoice and credit-note numbers have no gap.
 */
@Component
public class DocumentNumbers {

    public static final String INVOICE = "FAC";
    public static final String CREDIT_NOTE = "AV";
    public static final String ORDER = "CMD";

    private final JdbcClient jdbc;

    DocumentNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the series; only inside the transaction that issues the document. */
    public String next(String kind, int year) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A document number is taken in the transaction that issues the document");
        }
        long number = jdbc.sql("""
                        INSERT INTO document_counter (kind, year, last_number) VALUES (?, ?, 1)
                        ON CONFLICT (kind, year) DO UPDATE SET last_number = document_counter.last_number + 1
                        RETURNING last_number""")
                .params(kind, year).query(Long.class).single();
        return format(kind, year, number);
    }

    public static String format(String kind, int year, long number) {
        return String.format("%s-%04d-%06d", kind, year, number);
    }
}
