package io.arxos.partitions.executor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedLanesTest {

    // one worker: if a backing-off task held it, nothing else could run
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final KeyedLanes lanes = new KeyedLanes(worker, timer);

    @AfterEach
    void stop() {
        worker.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void aTableBackingOffDoesNotHoldUpAnotherTable() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        lanes.submit("db/public.locked", () -> {
            if (attempts.incrementAndGet() == 1) {
                events.add("locked: retry later");
                return Optional.of(Duration.ofMillis(300));
            }
            events.add("locked: done");
            done.countDown();
            return Optional.empty();
        });
        lanes.submit("db/public.other", () -> {
            events.add("other: done");
            done.countDown();
            return Optional.empty();
        });

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("locked: retry later", "other: done", "locked: done");
    }

    @Test
    void keepsOneTablesCommandsInOrderBehindARetry() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        lanes.submit("db/public.t", () -> {
            if (attempts.incrementAndGet() < 3) {
                return Optional.of(Duration.ofMillis(50));
            }
            events.add("first");
            done.countDown();
            return Optional.empty();
        });
        lanes.submit("db/public.t", () -> {
            events.add("second");
            done.countDown();
            return Optional.empty();
        });

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("first", "second");
    }

    @Test
    void aTaskThatThrowsIsRetriedInsteadOfKillingItsLane() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        KeyedLanes fast = new KeyedLanes(worker, timer);
        fast.submit("db/public.t", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
            done.countDown();
            return Optional.empty();
        });

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(attempts).hasValue(2);
    }
}
