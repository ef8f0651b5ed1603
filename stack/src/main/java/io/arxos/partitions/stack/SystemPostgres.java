package io.arxos.partitions.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private PostgreSQL cluster from the system's binaries (Debian's {@code /usr/lib/postgresql/<major>/bin}), for
 * benchmarks that need what the embedded binaries lack (pg_partman). It owns its data directory, port and socket
 * directory, so nothing else on the machine touches it; TCP logins use scram-sha-256 as a production server would.
 * As root the server runs as the {@code postgres} user. Its CPU time is read from /proc.
 */
final class SystemPostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;
    private final String password;
    private final boolean asPostgresUser;

    private SystemPostgres(Path bin, Path data, int port, String password, boolean asPostgresUser) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.password = password;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * initdb in {@code dir} (emptied first), then start with {@code settings} on {@code port}.
     *
     * @param packages Debian packages the benchmark needs (e.g. {@code postgresql-15-partman}); installed with
     *     apt-get when missing and running as root, else the start fails naming them
     */
    static SystemPostgres start(Path dir, int major, int port, Map<String, String> settings, List<String> packages) {
        Path bin = Path.of("/usr/lib/postgresql/" + major + "/bin");
        if (!Files.isExecutable(bin.resolve("postgres"))) {
            throw new IllegalStateException("PostgreSQL " + major + " is not installed (" + bin
                    + "); apt-get install postgresql-" + major);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        ensurePackages(packages, root);
        String password = HexFormat.of().formatHex(random(12));
        try {
            run(List.of("rm", "-rf", dir.toString()), false);
            Files.createDirectories(dir);
            Path pwfile = dir.resolve("pwfile");
            Files.writeString(pwfile, password + "\n");
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
            }
            SystemPostgres server = new SystemPostgres(bin, dir.resolve("data"), port, password, root);
            server.runAsOwner(List.of(bin.resolve("initdb").toString(), "-D", server.data.toString(), "-U",
                    "postgres", "--pwfile=" + pwfile, "--auth-local=trust", "--auth-host=scram-sha-256",
                    "--encoding=UTF8", "--locale=C.UTF-8"));
            List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-k", dir.toString(),
                    "-c", "listen_addresses=127.0.0.1"));
            settings.forEach((key, value) -> options.addAll(List.of("-c", key + "=" + value)));
            server.runAsOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", server.data.toString(), "-w", "-t",
                    "60", "-l", dir.resolve("server.log").toString(), "-o", String.join(" ", options), "start"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "system-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + dir, e);
        }
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser's password (TCP logins need it). */
    String password() {
        return password;
    }

    Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", password);
    }

    /**
     * CPU seconds (user + system) the server has used so far: the postmaster's own and its reaped children's
     * ({@code cutime}, {@code cstime}: backends that already exited), plus every live child's. Backends come and go
     * during a pass; this counts each exactly once.
     */
    double cpuSeconds() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            long ticks = statTicks(postmaster, true);
            for (ProcessHandle child : ProcessHandle.of(postmaster).orElseThrow().children().toList()) {
                ticks += statTicks(child.pid(), false);
            }
            return ticks / (double) CLOCK_TICKS;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server's CPU time", e);
        }
    }

    /** CPU ticks of each live child of the postmaster now (backends and background processes), by pid. */
    Map<Long, Long> childTicks() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            Map<Long, Long> ticks = new java.util.HashMap<>();
            for (ProcessHandle child : ProcessHandle.of(postmaster).orElseThrow().children().toList()) {
                ticks.put(child.pid(), statTicks(child.pid(), false));
            }
            return ticks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server's processes", e);
        }
    }

    /** The process title of a server process (user, database, client, activity), or "exited". */
    static String title(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "exited";
        }
    }

    static final int CLOCK_TICKS = 100; // USER_HZ, fixed at 100 on Linux for /proc/<pid>/stat

    private static long statTicks(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the parenthesised command name: state is field 3, utime 14, stime 15, cutime 16, cstime 17
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withChildren ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0; // a backend that exited between listing and reading: the postmaster's cutime has it
        }
    }

    @Override
    public void close() {
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return;
        }
        try {
            runAsOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
        } catch (RuntimeException e) {
            System.err.println("system-postgres: stop failed: " + e.getMessage());
        }
    }

    private void runAsOwner(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, true);
    }

    private static void ensurePackages(List<String> packages, boolean root) {
        List<String> missing = new ArrayList<>();
        for (String p : packages) {
            if (!installed(p)) {
                missing.add(p);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (!root) {
            throw new IllegalStateException("missing Debian packages " + missing + "; install them as root: apt-get"
                    + " install -y " + String.join(" ", missing));
        }
        System.err.println("system-postgres: installing " + missing);
        List<String> command = new ArrayList<>(List.of("apt-get", "install", "-y", "-q"));
        command.addAll(missing);
        run(command, true);
    }

    private static boolean installed(String debianPackage) {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Status}", debianPackage)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor() == 0 && out.contains("install ok installed");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(List<String> command, boolean check) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish");
            }
            if (check && p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
