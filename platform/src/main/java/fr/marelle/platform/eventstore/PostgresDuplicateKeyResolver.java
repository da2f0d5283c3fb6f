package fr.marelle.platform.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique violation (SQLSTATE 23505), so that two writers appending the same sequence number
 * to one aggregate become a {@code ConcurrencyException} (retried, or answered 409), not a generic storage failure.
 * Axon's default resolver looks for {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver
 * never throws.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
