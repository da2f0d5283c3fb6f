package fr.marelle.platform.security;

import fr.marelle.platform.audit.ActorContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Opens the {@link ActorContext} of an authenticated call: commands it dispatches carry the actor of the token and
 * the correlation id the gateway sent (or a new one). The correlation id goes in every log line of the request.
 */
public class ActorContextFilter extends OncePerRequestFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = correlationId(request.getHeader(CORRELATION_HEADER));
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        MDC.put("correlationId", correlationId);
        response.setHeader(CORRELATION_HEADER, correlationId);
        try {
            if (authentication instanceof ActorAuthentication actor) {
                ActorContext.open(actor.actor(), correlationId);
            }
            chain.doFilter(request, response);
        } finally {
            ActorContext.clear();
            MDC.remove("correlationId");
        }
    }

    static String correlationId(String header) {
        return header != null && SAFE_ID.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }
}
