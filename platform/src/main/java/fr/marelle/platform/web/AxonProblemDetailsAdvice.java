package fr.marelle.platform.web;

import fr.marelle.platform.errors.DomainException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Axon's failures as problems: a lost race on an aggregate is a 409, an unknown aggregate a 404. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AxonProblemDetailsAdvice {

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "Introuvable.");
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail conflict(RuntimeException e) {
        return Problems.of(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "Une autre modification a eu lieu en même temps ; réessayez.");
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail execution(CommandExecutionException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof DomainException domain) {
                return Problems.of(domain.kind().status(), domain.code(), domain.getMessage(), domain.violations());
            }
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return conflict((RuntimeException) t);
            }
        }
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Une erreur inattendue est survenue.");
    }
}
