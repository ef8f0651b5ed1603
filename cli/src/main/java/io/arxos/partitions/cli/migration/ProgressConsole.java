package io.arxos.partitions.cli.migration;

import java.io.PrintWriter;

/**
 * Prints the migration driver's lines on stderr. On a terminal the progress line is redrawn in place after each
 * chunk; elsewhere (logs, CI, tests) each chunk prints a line of its own so nothing is lost to carriage returns.
 */
final class ProgressConsole implements MigrationDriver.Listener {

    private final PrintWriter err;
    private final boolean redraw;
    private int drawn;

    ProgressConsole(PrintWriter err, boolean redraw) {
        this.err = err;
        this.redraw = redraw;
    }

    /** Redraws on an interactive terminal only. */
    static ProgressConsole on(PrintWriter err) {
        return new ProgressConsole(err, System.console() != null);
    }

    @Override
    public void step(String line) {
        endProgress();
        err.println("partctl: " + line);
        err.flush();
    }

    @Override
    public void progress(String line) {
        String text = "partctl: " + line;
        if (redraw) {
            // pad over a longer previous line
            err.print("\r" + text + " ".repeat(Math.max(0, drawn - text.length())));
            drawn = text.length();
        } else {
            err.println(text);
        }
        err.flush();
    }

    private void endProgress() {
        if (drawn > 0) {
            err.println();
            drawn = 0;
        }
    }
}
