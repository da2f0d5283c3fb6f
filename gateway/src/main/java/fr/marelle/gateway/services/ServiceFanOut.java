package fr.marelle.gateway.services;

import jakarta.annotation.PreDestroy;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Asks several services the same question at once, as the logged-in user, and gathers every answer — or why a
 * service gave none — in the order the services were named. A page that reads all services (status, audit) does not
 * wait for them one after the other, and one service down does not hide the others' answers.
 */
@Component
public class ServiceFanOut {

    /** A service's answer, or the error it gave instead. */
    public record Answer<T>(String service, T value, RuntimeException error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(12, task -> {
        Thread thread = new Thread(task, "fan-out-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public <T> List<Answer<T>> ask(List<String> services, Function<String, T> question, Duration timeout) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        SecurityContext context = SecurityContextHolder.getContext();
        // the visitor's language too: what a contributor writes in words (a chart's series, a month) is in theirs
        LocaleContext locale = LocaleContextHolder.getLocaleContext();
        List<CompletableFuture<T>> pending = new ArrayList<>();
        for (String service : services) {
            pending.add(CompletableFuture.supplyAsync(() -> {
                RequestContextHolder.setRequestAttributes(attributes);
                SecurityContextHolder.setContext(context);
                LocaleContextHolder.setLocaleContext(locale);
                try {
                    return question.apply(service);
                } finally {
                    RequestContextHolder.resetRequestAttributes();
                    SecurityContextHolder.clearContext();
                    LocaleContextHolder.resetLocaleContext();
                }
            }, pool));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Answer<T>> answers = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            String service = services.get(i);
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                answers.add(new Answer<>(service, pending.get(i).get(left, TimeUnit.NANOSECONDS), null));
            } catch (ExecutionException e) {
                answers.add(new Answer<>(service, null, e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause())));
            } catch (TimeoutException e) {
                pending.get(i).cancel(true);
                answers.add(new Answer<>(service, null, new ServiceUnavailable(service, e)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answers.add(new Answer<>(service, null, new ServiceUnavailable(service, e)));
            }
        }
        return answers;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
