package fr.marelle.platform.status;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Consumer lag of a consumer group: end offsets minus committed offsets, summed per topic. */
public class KafkaLagReader implements DisposableBean {

    private final Map<String, Object> adminConfig;
    private final String group;
    private volatile AdminClient admin;

    public KafkaLagReader(Map<String, Object> adminConfig, String group) {
        this.adminConfig = adminConfig;
        this.group = group;
    }

    public ServiceStatus.Kafka read() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(3, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = latest.isEmpty() ? Map.of()
                    : admin().listOffsets(latest).all().get(3, TimeUnit.SECONDS);
            Map<String, Long> lagPerTopic = new TreeMap<>();
            committed.forEach((tp, offset) -> {
                long end = ends.containsKey(tp) ? ends.get(tp).offset() : 0;
                long position = offset == null ? 0 : offset.offset();
                lagPerTopic.merge(tp.topic(), Math.max(0, end - position), Long::sum);
            });
            List<ServiceStatus.TopicLag> topics = new ArrayList<>();
            lagPerTopic.forEach((topic, lag) -> topics.add(new ServiceStatus.TopicLag(topic, lag)));
            return new ServiceStatus.Kafka(group, topics, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServiceStatus.Kafka(group, List.of(), "interrupted");
        } catch (Exception e) {
            return new ServiceStatus.Kafka(group, List.of(), "Kafka injoignable : " + e.getClass().getSimpleName());
        }
    }

    private AdminClient admin() {
        AdminClient current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = new HashMap<>(adminConfig);
                    config.put("request.timeout.ms", 3000);
                    config.put("default.api.timeout.ms", 3000);
                    admin = AdminClient.create(config);
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close();
        }
    }
}
