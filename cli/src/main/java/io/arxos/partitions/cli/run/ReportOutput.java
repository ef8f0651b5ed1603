package io.arxos.partitions.cli.run;

import io.arxos.partitions.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where and how a command prints its report: {@code --output-format}, {@code --output-file}, {@code --quiet}. */
public final class ReportOutput {

    @Option(names = "--output-format", defaultValue = "markdown", paramLabel = "markdown|json",
            description = "Report format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output-file", paramLabel = "FILE", description = "Also write the report to FILE.")
    Path file;

    @Option(names = "--quiet", description = "Do not print the report (use with --output-file).")
    boolean quiet;

    /** Refuses an unknown format before anything is sent. */
    public void validate() {
        if (!format.equals("markdown") && !format.equals("json")) {
            throw new IllegalArgumentException("--output-format must be markdown or json, not '" + format + "'");
        }
    }

    public boolean json() {
        return format.equals("json");
    }

    /** Prints and writes the report; returns {@code exitCode}, or the usage code when the file cannot be written. */
    public int emit(String text, int exitCode, PrintWriter out, PrintWriter err) {
        if (!quiet) {
            out.println(text);
            out.flush();
        }
        if (file != null) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(file, text + System.lineSeparator());
                err.println("partctl: report written to " + file);
            } catch (IOException e) {
                err.println("partctl: could not write " + file + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        return exitCode;
    }

    /** Names the requester in events: partctl@host. */
    public static String requester() {
        try {
            return "partctl@" + InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "partctl@unknown-host";
        }
    }
}
