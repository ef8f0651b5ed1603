package io.arxos.partitions.schemas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The poll loops a service runs, each on a daemon thread of its own: started one by one, stopped together. */
public final class PollLoops implements AutoCloseable {

    private final int expected;
    private final List<PollLoop> loops = new CopyOnWriteArrayList<>();

    /** @param expected how many loops the service starts: it polls only once every one of them does */
    public PollLoops(int expected) {
        this.expected = expected;
    }

    /** Starts {@code loop} on a daemon thread named {@code thread}. */
    public <L extends PollLoop> L start(L loop, String thread) {
        Thread runner = new Thread(loop, thread);
        runner.setDaemon(true);
        loops.add(loop);
        runner.start();
        return loop;
    }

    /** True once every expected loop has started and polls. */
    public boolean polling() {
        return loops.size() == expected && loops.stream().allMatch(PollLoop::isPolling);
    }

    /** Closes the loops, the last started first. */
    @Override
    public void close() {
        List<PollLoop> started = new ArrayList<>(loops);
        Collections.reverse(started);
        started.forEach(PollLoop::close);
    }
}
