package fr.marelle.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

/** The merchant API answers only the merchant's key; the card page is for payers' browsers. */
@Configuration
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration implements WebMvcConfigurer {

    private final SandboxProperties properties;

    SandboxConfiguration(SandboxProperties properties) {
        properties.validate();
        this.properties = properties;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        byte[] expected = ("Bearer " + properties.getApiKey()).getBytes(StandardCharsets.UTF_8);
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws Exception {
                String given = request.getHeader("Authorization");
                if (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
                response.setStatus(401);
                response.setContentType("application/json");
                response.getWriter().write("{\"error\":\"unauthorized\",\"message\":\"clé d'API manquante ou "
                        + "invalide\"}");
                return false;
            }
        }).addPathPatterns("/api/**");
    }
}
