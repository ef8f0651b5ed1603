package io.arxos.partitions.cli.run;

import io.arxos.partitions.cli.ExitCodes;
import io.arxos.partitions.inventory.InventoryException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Every partctl command that talks to the services: the options they share (connection, fleet scope, output) and
 * one order of events: check the options (exit 64 naming the bad one), make sure Kafka and the registry answer (exit
 * 3 saying which does not), then the command's work.
 *
 * @param <P> what the options were turned into
 */
public abstract class PartctlCommand<P> implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Mixin
    protected ConnectionOptions connection;

    @Mixin
    protected FleetScope scope;

    @Mixin
    protected ReportOutput output;

    /** The options, checked and turned into the work to do; {@link IllegalArgumentException} names a bad one. */
    protected abstract P prepare();

    /** The work, with Kafka and the registry answering; returns the exit status. */
    protected abstract int execute(P prepared, RunClient client, PrintWriter out, PrintWriter err);

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        P prepared;
        try {
            output.validate();
            connection.checkNamedInventory();
            prepared = prepare();
        } catch (IllegalArgumentException | InventoryException e) {
            err.println("partctl: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        RunClient client = RunClient.reachable(connection.clientConfig(), err).orElse(null);
        if (client == null) {
            return ExitCodes.UNREACHABLE;
        }
        return execute(prepared, client, out, err);
    }

    /** A duration in whole seconds for an int field of a request. */
    protected static int seconds(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toSeconds()));
    }

    /** Refuses a timeout that is zero or negative, naming it. */
    protected static void requirePositive(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout " + timeout + " must be positive");
        }
    }
}
