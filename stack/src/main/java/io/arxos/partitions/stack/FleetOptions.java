package io.arxos.partitions.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The fleet benchmark's command line.
 *
 * @param dataDir where the private cluster keeps its data: tmpfs by default, so that the cost of creating and
 *     removing files (ext4's inode allocator was a third of the server's CPU in a pass and drifted between runs as
 *     the same tables were dropped and made again) does not decide the comparison; every side pays it alike anyway
 */
record FleetOptions(List<Integer> tables, int databases, int executors, int runs, int history, int budget,
        boolean statements, int workers, String sharedBuffers, Path dataDir) {

    private static final String USAGE = "usage: --fleet [--tables 50,200,500|none] [--databases 200] [--executors 2]"
            + " [--runs 3] [--history 12] [--connection-budget 20] [--workers W] [--statements]"
            + " [--shared-buffers 128MB] [--data-dir DIR]";

    static FleetOptions parse(String[] args) {
        List<Integer> tables = List.of(50, 200, 500);
        int databases = 200;
        int executors = 2;
        int runs = 3;
        int history = 12;
        int budget = 20;
        boolean statements = false;
        String sharedBuffers = "128MB"; // PostgreSQL's default
        int workers = 0;
        Path dataDir = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm/arxos-fleet-benchmark")
                : Path.of("/tmp/arxos-fleet-benchmark");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fleet" -> {
                }
                case "--tables" -> tables = args[++i].equals("none") ? List.of()
                        : Arrays.stream(args[i].split(",")).map(Integer::valueOf).toList();
                case "--databases" -> databases = Integer.parseInt(args[++i]);
                case "--executors" -> executors = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--history" -> history = Integer.parseInt(args[++i]);
                case "--connection-budget" -> budget = Integer.parseInt(args[++i]);
                case "--statements" -> statements = true;
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--shared-buffers" -> sharedBuffers = args[++i];
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        return new FleetOptions(tables, databases, executors, runs, history, budget, statements, workers,
                sharedBuffers, dataDir);
    }
}
