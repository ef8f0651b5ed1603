package io.arxos.partitions.executor.app.maintenance;

import io.arxos.partitions.executor.domain.maintenance.Rejection;

/** A step's in-transaction precondition did not hold; the transaction was rolled back and nothing changed. */
public class PreconditionFailed extends Exception {

    private final Rejection rejection;

    public PreconditionFailed(Rejection rejection) {
        super(rejection.message());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
