package io.arxos.partitions.executor.app.maintenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What carries over between attempts at one command: the attempt number, the start time, the SQL already run. */
public final class AttemptContext {

    private final Instant startedAt;
    private final List<String> sqlRun = new ArrayList<>();
    private int attempt;
    private long rowsMoved;

    public AttemptContext(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public int nextAttempt() {
        return ++attempt;
    }

    public int attempt() {
        return attempt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    void ran(List<String> statements, long moved) {
        sqlRun.addAll(statements);
        rowsMoved += moved;
    }

    List<String> sqlRun() {
        return List.copyOf(sqlRun);
    }

    long rowsMoved() {
        return rowsMoved;
    }
}
