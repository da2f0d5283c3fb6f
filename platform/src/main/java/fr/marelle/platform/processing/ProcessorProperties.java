package fr.marelle.platform.processing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Pooled streaming event processors: every processing group of a service runs as one. */
@ConfigurationProperties("marelle.processors")
public class ProcessorProperties {

    /** Segments a processor's token is split in when it starts for the first time. */
    private int initialSegmentCount = 2;
    /** Events handled in one transaction by a work package. */
    private int batchSize = 100;
    /** Threads handling the segments of one processor. */
    private int workerThreads = 2;
    /** How often a processor tries to claim segments nobody holds. */
    private Duration tokenClaimInterval = Duration.ofSeconds(2);
    /** Per processing group overrides of the initial segment count. */
    private Map<String, Integer> segments = new HashMap<>();

    public int getInitialSegmentCount() {
        return initialSegmentCount;
    }

    public void setInitialSegmentCount(int initialSegmentCount) {
        this.initialSegmentCount = initialSegmentCount;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getWorkerThreads() {
        return workerThreads;
    }

    public void setWorkerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
    }

    public Duration getTokenClaimInterval() {
        return tokenClaimInterval;
    }

    public void setTokenClaimInterval(Duration tokenClaimInterval) {
        this.tokenClaimInterval = tokenClaimInterval;
    }

    public Map<String, Integer> getSegments() {
        return segments;
    }

    public void setSegments(Map<String, Integer> segments) {
        this.segments = segments;
    }
}
