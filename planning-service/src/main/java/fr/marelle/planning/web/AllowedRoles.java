package fr.marelle.planning.web;

import fr.marelle.platform.security.Callers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks {@link Allowed} before the handler's arguments are bound (path variables, parameters, body), so that a
 * refused role learns nothing from a 400. An endpoint without the annotation is refused to everyone: a new one
 * cannot be reached before someone says who may call it. The gateway acting for itself (no person) calls none.
 */
@Configuration(proxyBeanMethods = false)
class AllowedRoles implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            Allowed allowed = method.getMethodAnnotation(Allowed.class);
            Callers.require(allowed == null ? new fr.marelle.platform.audit.Role[0] : allowed.value());
        }
        return true;
    }
}
