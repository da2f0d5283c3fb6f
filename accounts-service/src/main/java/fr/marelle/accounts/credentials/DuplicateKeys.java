package fr.marelle.accounts.credentials;

import org.springframework.dao.DuplicateKeyException;

import java.sql.SQLException;

/** Recognises a unique constraint refusing a row (a login address already taken), however deep it is wrapped. */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DuplicateKeyException
                    || (t instanceof SQLException sql && "23505".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
