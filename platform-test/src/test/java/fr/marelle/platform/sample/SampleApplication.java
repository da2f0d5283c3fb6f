package fr.marelle.platform.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service exercising the platform: one aggregate, one projection, a published and a consumed event. */
@SpringBootApplication
public class SampleApplication {
}
