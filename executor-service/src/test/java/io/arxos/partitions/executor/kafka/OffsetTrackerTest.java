package io.arxos.partitions.executor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("partitions.commands", 0);

    @Test
    void commitsOnlyBelowTheOldestRecordStillRunning() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.started(P0, 5);
        tracker.started(P0, 6);
        tracker.started(P0, 7);

        tracker.finished(P0, 7);
        tracker.finished(P0, 6);
        assertThat(tracker.committable().get(P0).offset()).isEqualTo(5);

        tracker.markCommitted(tracker.committable());
        tracker.finished(P0, 5);
        assertThat(tracker.committable().get(P0).offset()).isEqualTo(8);
    }

    @Test
    void offersNothingNewOnceCommitted() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.started(P0, 0);
        tracker.finished(P0, 0);
        tracker.markCommitted(tracker.committable());

        assertThat(tracker.committable()).isEmpty();
    }

    @Test
    void drainsWhenTheLastRecordOfARevokedPartitionFinishes() throws Exception {
        OffsetTracker tracker = new OffsetTracker();
        tracker.started(P0, 3);
        Thread finisher = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tracker.finished(P0, 3);
        });
        finisher.start();

        assertThat(tracker.awaitDrained(List.of(P0), Duration.ofSeconds(5))).isTrue();
        finisher.join();
    }

    @Test
    void givesUpDrainingAfterTheTimeout() throws Exception {
        OffsetTracker tracker = new OffsetTracker();
        tracker.started(P0, 3);

        assertThat(tracker.awaitDrained(List.of(P0), Duration.ofMillis(50))).isFalse();
    }
}
