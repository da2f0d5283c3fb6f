package fr.marelle.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Problem details for every service API. */
@AutoConfiguration
@ConditionalOnWebApplication
public class WebAutoConfiguration {

    @Bean
    public ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.axonframework.modelling.command.ConcurrencyException")
    @ConditionalOnWebApplication
    public static class AxonProblems {
        @Bean
        public AxonProblemDetailsAdvice axonProblemDetailsAdvice() {
            return new AxonProblemDetailsAdvice();
        }
    }
}
