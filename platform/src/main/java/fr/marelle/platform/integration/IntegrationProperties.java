package fr.marelle.platform.integration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Integration events on Kafka. */
@ConfigurationProperties("marelle.integration")
public class IntegrationProperties {

    /** The service's name in headers and as consumer group; defaults to spring.application.name. */
    private String serviceName;
    /** The topics this service publishes to, created at start when missing. */
    private List<String> publishTopics = new ArrayList<>();
    private int topicPartitions = 3;
    private short topicReplicas = 1;
    /** How long a batch of sends may take before the batch is retried. */
    private Duration sendTimeout = Duration.ofSeconds(10);
    /** Attempts at a failing record before it goes to the dead-letter topic. */
    private int maxAttempts = 5;
    private Duration retryInitialInterval = Duration.ofMillis(500);
    private Duration retryMaxInterval = Duration.ofSeconds(10);
    private int listenerConcurrency = 1;

    public String getServiceName() {
        return serviceName;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    public List<String> getPublishTopics() {
        return publishTopics;
    }

    public void setPublishTopics(List<String> publishTopics) {
        this.publishTopics = publishTopics;
    }

    public int getTopicPartitions() {
        return topicPartitions;
    }

    public void setTopicPartitions(int topicPartitions) {
        this.topicPartitions = topicPartitions;
    }

    public short getTopicReplicas() {
        return topicReplicas;
    }

    public void setTopicReplicas(short topicReplicas) {
        this.topicReplicas = topicReplicas;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getRetryInitialInterval() {
        return retryInitialInterval;
    }

    public void setRetryInitialInterval(Duration retryInitialInterval) {
        this.retryInitialInterval = retryInitialInterval;
    }

    public Duration getRetryMaxInterval() {
        return retryMaxInterval;
    }

    public void setRetryMaxInterval(Duration retryMaxInterval) {
        this.retryMaxInterval = retryMaxInterval;
    }

    public int getListenerConcurrency() {
        return listenerConcurrency;
    }

    public void setListenerConcurrency(int listenerConcurrency) {
        this.listenerConcurrency = listenerConcurrency;
    }

    public static String deadLetterTopic(String topic, String consumer) {
        return topic + "." + consumer + ".DLT";
    }
}
