package fr.marelle.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The local payment provider: a card page, signed notifications to the merchant, a status API. It plays the part of
 * a bank's payment service for a local run and for tests, so that Marelle's wallet talks to it exactly as it would to
 * a real provider, over HTTP.
 */
@SpringBootApplication
public class PaymentSandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentSandboxApplication.class, args);
    }
}
