package io.arxos.partitions.executor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedLanesGroupTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void runsAtMostTheGroupLimitOfOneDatabasesTablesAtOnceWhileOtherDatabasesGoOn() throws Exception {
        AtomicInteger runningInDb1 = new AtomicInteger();
        AtomicInteger mostInDb1 = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(7);
        CountDownLatch db2Ran = new CountDownLatch(1);
        KeyedLanes lanes = new KeyedLanes(workers, timer, (waiting, groupDone) -> {
            waiting.get(0).runOnce();
            return new KeyedLanes.Progress(1, Optional.empty());
        }, 8, key -> key.substring(0, key.indexOf('/')), 2);

        for (int i = 0; i < 6; i++) {
            lanes.submit("db1/public.t" + i, () -> {
                mostInDb1.accumulateAndGet(runningInDb1.incrementAndGet(), Math::max);
                sleep(100);
                runningInDb1.decrementAndGet();
                done.countDown();
                return Optional.empty();
            });
        }
        lanes.submit("db2/public.t", () -> {
            db2Ran.countDown();
            done.countDown();
            return Optional.empty();
        });

        assertThat(db2Ran.await(1, TimeUnit.SECONDS)).as("db2 need not wait for db1's tables").isTrue();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(mostInDb1.get()).isEqualTo(2);
    }

    @Test
    void withMoreDatabasesWaitingThanWorkersEachDatabaseRunsOneTableAtATime() throws Exception {
        java.util.Map<String, AtomicInteger> running = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger mostInOneDb = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(12);
        KeyedLanes lanes = new KeyedLanes(workers, timer, (waiting, groupDone) -> {
            waiting.get(0).runOnce();
            return new KeyedLanes.Progress(1, Optional.empty());
        }, 8, key -> key.substring(0, key.indexOf('/')), 2, 4);

        List<java.util.Map.Entry<String, KeyedLanes.LaneTask>> tasks = new java.util.ArrayList<>();
        for (int db = 0; db < 6; db++) {
            for (int t = 0; t < 2; t++) {
                String database = "db" + db;
                tasks.add(java.util.Map.entry(database + "/public.t" + t, () -> {
                    AtomicInteger inDb = running.computeIfAbsent(database, k -> new AtomicInteger());
                    mostInOneDb.accumulateAndGet(inDb.incrementAndGet(), Math::max);
                    sleep(50);
                    inDb.decrementAndGet();
                    done.countDown();
                    return Optional.empty();
                }));
            }
        }
        lanes.submitAll(tasks);

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(mostInOneDb.get()).as("a second session per database only when workers would idle").isEqualTo(1);
    }

    @Test
    void aLaneThatFreesItsGroupEarlyLetsTheNextTableStartWhileItFinishes() throws Exception {
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(2);
        KeyedLanes lanes = new KeyedLanes(workers, timer, (waiting, groupDone) -> {
            groupDone.run(); // the database part is over; publishing goes on
            waiting.get(0).runOnce();
            return new KeyedLanes.Progress(1, Optional.empty());
        }, 8, key -> "db", 1);

        lanes.submit("db/public.a", () -> {
            try {
                assertThat(secondStarted.await(2, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.countDown();
            return Optional.empty();
        });
        lanes.submit("db/public.b", () -> {
            secondStarted.countDown();
            finished.countDown();
            return Optional.empty();
        });

        assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aLaneWaitingForARetryGivesItsGroupSlotToTheNextTable() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch other = new CountDownLatch(1);
        CountDownLatch retried = new CountDownLatch(1);
        KeyedLanes lanes = new KeyedLanes(workers, timer, (waiting, groupDone) -> {
            Optional<Duration> retry = waiting.get(0).runOnce();
            return new KeyedLanes.Progress(retry.isPresent() ? 0 : 1, retry);
        }, 8, key -> "db", 1);

        lanes.submit("db/public.locked", () -> {
            if (attempts.incrementAndGet() == 1) {
                return Optional.of(Duration.ofMillis(300));
            }
            retried.countDown();
            return Optional.empty();
        });
        lanes.submit("db/public.other", () -> {
            other.countDown();
            return Optional.empty();
        });

        assertThat(other.await(250, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(retried.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(List.of(attempts.get())).containsExactly(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
