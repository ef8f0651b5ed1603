package io.arxos.partitions.cli;

import io.arxos.partitions.cli.analysis.AnalyzeCommand;
import io.arxos.partitions.cli.benchmark.BenchmarkCommand;
import io.arxos.partitions.cli.maintenance.MaintainCommand;
import io.arxos.partitions.cli.migration.MigrateCommand;
import io.arxos.partitions.cli.migration.ValidateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** partctl: drives partition maintenance across the fleet through the planner, executor and reporter services. */
@Command(name = "partctl", mixinStandardHelpOptions = true, version = "partctl 0.1.0",
        description = "Partitioning analysis, maintenance and online migration for a PostgreSQL fleet, through Kafka.",
        subcommands = {AnalyzeCommand.class, BenchmarkCommand.class, MaintainCommand.class, MigrateCommand.class,
            ValidateCommand.class})
public final class Partctl implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs partctl in-process and returns its exit status (used by the demo and tests). */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs partctl in-process with its own output and error streams. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Partctl());
        cli.setOut(out);
        cli.setErr(err);
        cli.registerConverter(java.time.Duration.class, text -> {
            try {
                return io.arxos.partitions.cli.run.HumanDuration.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        // a failure inside a command is a message and a status, never a stack trace
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("partctl: " + (ex.getMessage() == null ? ex.getClass().getSimpleName()
                    : ex.getMessage()));
            return ex instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.OPERATION_FAILED;
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("partctl: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
