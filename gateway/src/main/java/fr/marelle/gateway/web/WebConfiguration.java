package fr.marelle.gateway.web;

import fr.marelle.gateway.security.ActivationGate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.Locale;

/**
 * French first; English on request ({@code ?lang=en}), remembered in a cookie (HttpOnly, SameSite=Lax, Secure like
 * the session's). Parents' pages open as their account does ({@link ActivationGate}).
 */
@Configuration
public class WebConfiguration implements WebMvcConfigurer {

    static final java.util.Set<String> LANGUAGES = java.util.Set.of("fr", "en");

    private final ActivationGate activationGate;
    private final boolean secureCookies;

    WebConfiguration(ActivationGate activationGate,
                     @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
        this.activationGate = activationGate;
        this.secureCookies = secureCookies;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("MARELLE_LANG");
        resolver.setDefaultLocale(Locale.FRENCH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSecure(secureCookies);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response, Object handler)
                    throws jakarta.servlet.ServletException {
                String language = request.getParameter(getParamName());
                // the portal speaks French and English; any other value is ignored
                return language == null || !LANGUAGES.contains(language) || super.preHandle(request, response,
                        handler);
            }
        };
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
        registry.addInterceptor(activationGate).excludePathPatterns("/css/**", "/js/**", "/img/**", "/webjars/**");
    }
}
