package io.arxos.partitions.schemas;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalogue's topics that do not exist yet, and raises the record limit ({@code max.message.bytes}) of
 * existing ones the catalogue now allows more (never lowers it); safe to run from every service at start-up.
 */
public final class TopicProvisioner {

    private TopicProvisioner() {
    }

    /** @return the names of the topics it created */
    public static List<String> ensureTopics(Map<String, Object> adminConfig, short replicationFactor,
            Duration auditRetention, Duration timeout) {
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> wanted = Topics.newTopics(replicationFactor, auditRetention);
            raiseRecordLimits(admin, wanted.stream().filter(t -> existing.contains(t.name())).toList(), timeout);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return List.of();
            }
            try {
                admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e; // another service created them at the same moment otherwise
                }
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topics on " + adminConfig.get("bootstrap.servers")
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * A topic created before the catalogue allowed it larger records (a run plan of 2,000 tables is past 1 MB) gets
     * the catalogue's limit; one set higher by hand keeps its own.
     */
    private static void raiseRecordLimits(Admin admin, List<NewTopic> topics, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<NewTopic> limited = topics.stream()
                .filter(t -> t.configs() != null && t.configs().containsKey(TopicConfig.MAX_MESSAGE_BYTES_CONFIG))
                .toList();
        if (limited.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = limited.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
        Map<ConfigResource, Config> current = admin.describeConfigs(resources).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<ConfigResource, Collection<AlterConfigOp>> raises = new HashMap<>();
        for (NewTopic topic : limited) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
            ConfigEntry entry = current.get(resource).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            long wanted = Long.parseLong(topic.configs().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG));
            if (entry == null || entry.value() == null || Long.parseLong(entry.value()) < wanted) {
                raises.put(resource, List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        Long.toString(wanted)), AlterConfigOp.OpType.SET)));
            }
        }
        if (!raises.isEmpty()) {
            admin.incrementalAlterConfigs(raises).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
