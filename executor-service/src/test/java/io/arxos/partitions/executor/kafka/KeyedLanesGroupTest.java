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
    void whileMoreDatabasesHaveWorkThanThereAreWorkersEachDatabaseRunsOneTableAtATime() throws Exception {
        java.util.Map<String, AtomicInteger> running = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<String, AtomicInteger> remaining = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> violations = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        AtomicInteger mostInOneDb = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(24);
        KeyedLanes lanes = new KeyedLanes(workers, timer, (waiting, groupDone) -> {
            waiting.get(0).runOnce();
            return new KeyedLanes.Progress(1, Optional.empty());
        }, 8, key -> key.substring(0, key.indexOf('/')), 2, 4);

        List<java.util.Map.Entry<String, KeyedLanes.LaneTask>> tasks = new java.util.ArrayList<>();
        for (int db = 0; db < 8; db++) {
            String database = "db" + db;
            remaining.put(database, new AtomicInteger(3));
            for (int t = 0; t < 3; t++) {
                tasks.add(java.util.Map.entry(database + "/public.t" + t, () -> {
                    // databases with unfinished tables only decrease, so this bounds what the dispatcher saw
                    long withWork = remaining.values().stream().filter(r -> r.get() > 0).count();
                    int inDb = running.computeIfAbsent(database, k -> new AtomicInteger()).incrementAndGet();
                    mostInOneDb.accumulateAndGet(inDb, Math::max);
                    if (inDb > 1 && withWork >= 4) {
                        violations.add(database + " ran 2 tables while " + withWork + " databases had work");
                    }
                    sleep(30);
                    running.get(database).decrementAndGet();
                    remaining.get(database).decrementAndGet();
                    done.countDown();
                    return Optional.empty();
                }));
            }
        }
        lanes.submitAll(tasks);

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(violations).as("a second session per database only when workers would idle").isEmpty();
        assertThat(mostInOneDb.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void withMoreDatabasesThanWorkersADatabasesTablesFollowOneAnotherOnItsSession() throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            List<String> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            CountDownLatch done = new CountDownLatch(9);
            KeyedLanes lanes = new KeyedLanes(one, timer, (waiting, groupDone) -> {
                waiting.get(0).runOnce();
                return new KeyedLanes.Progress(1, Optional.empty());
            }, 8, key -> key.substring(0, key.indexOf('/')), 2, 1);

            List<java.util.Map.Entry<String, KeyedLanes.LaneTask>> tasks = new java.util.ArrayList<>();
            for (int db = 0; db < 3; db++) {
                for (int t = 0; t < 3; t++) {
                    String key = "db" + db + "/public.t" + t;
                    tasks.add(java.util.Map.entry(key, () -> {
                        order.add(key.substring(0, key.indexOf('/')));
                        done.countDown();
                        return Optional.empty();
                    }));
                }
            }
            lanes.submitAll(tasks);

            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(order).as("database of each table in the order they ran: depth first, not round robin")
                    .containsExactly("db0", "db0", "db0", "db1", "db1", "db1", "db2", "db2", "db2");
        } finally {
            one.shutdownNow();
        }
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
