package io.arxos.partitions.cli.migration;

import io.arxos.partitions.events.MigrationCommand;
import io.arxos.partitions.events.MigrationOutcome;
import java.time.Duration;
import java.util.Optional;

/** Hands one migration command to the executor and waits for its outcome; empty when none came within the timeout. */
@FunctionalInterface
interface MigrationGateway {

    Optional<MigrationOutcome> send(MigrationCommand command, Duration timeout);
}
