package io.arxos.partitions.reporter.domain.run;

/** What the run mechanism needs to know of a kind's events: which run a plan opens, which item an item is. */
public final class RunMember {

    private RunMember() {
    }

    /** A run's first event (its plan or summary): it names its run. */
    public interface Plan {
        String runId();
    }

    /** One item of a run (an outcome, a table's analysis): its id, unique within the run. */
    public interface Item {
        String itemId();
    }
}
