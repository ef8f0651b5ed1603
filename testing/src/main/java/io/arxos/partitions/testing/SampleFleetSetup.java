package io.arxos.partitions.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Creates the sample Arxos database on a server, with its owner role, and writes what the services read: the
 * password file (mode 600, like a mounted secret) and the inventory pointing at it.
 */
public final class SampleFleetSetup {

    public static final String DATABASE_ID = "arxos";
    public static final String DATABASE = "arxos";
    public static final String OWNER = "partman";

    private SampleFleetSetup() {
    }

    /** @return the inventory file */
    public static Path create(PostgresTestServer postgres, Path workDir, int rowsPerMonth, String password) {
        return create(postgres, workDir, rowsPerMonth, 0, password);
    }

    /**
     * @param legacyRowsPerMonth rows per month of the unpartitioned legacy tables the analysis looks at; 0 for none
     * @return the inventory file
     */
    public static Path create(PostgresTestServer postgres, Path workDir, int rowsPerMonth, int legacyRowsPerMonth,
            String password) {
        postgres.createDatabase(DATABASE, OWNER, password);
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), OWNER, password)) {
            SampleArxosDatabase.create(c, current, rowsPerMonth);
            if (legacyRowsPerMonth > 0) {
                try (Connection superuser = postgres.superuser(DATABASE)) {
                    SampleLegacyTables.create(superuser, c, current, legacyRowsPerMonth);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the sample database", e);
        }
        try {
            Files.createDirectories(workDir);
            Path passwordFile = workDir.resolve("arxos.password");
            Files.writeString(passwordFile, password + "\n");
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            Path inventory = workDir.resolve("fleet.yaml");
            Files.writeString(inventory, SampleArxosDatabase.inventoryYaml(DATABASE_ID, postgres.jdbcUrl(DATABASE),
                    OWNER, passwordFile.toAbsolutePath().toString()));
            return inventory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
