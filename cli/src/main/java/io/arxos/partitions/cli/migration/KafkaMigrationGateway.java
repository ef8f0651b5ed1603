package io.arxos.partitions.cli.migration;

import io.arxos.partitions.cli.run.CommandChannel;
import io.arxos.partitions.cli.run.RunClient;
import io.arxos.partitions.events.MigrationCommand;
import io.arxos.partitions.events.MigrationOutcome;
import io.arxos.partitions.schemas.CoreTypes;
import io.arxos.partitions.schemas.Topics;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;

/**
 * The executor over Kafka: each migration command goes to {@code partitions.migration-commands} keyed by its table,
 * and the outcome with the same command id is awaited on {@code partitions.migration-outcomes}.
 */
final class KafkaMigrationGateway implements MigrationGateway, AutoCloseable {

    private final CommandChannel<MigrationCommand, MigrationOutcome> channel;

    private KafkaMigrationGateway(CommandChannel<MigrationCommand, MigrationOutcome> channel) {
        this.channel = channel;
    }

    /** Starts listening for outcomes; unreachable when the outcome topic cannot be read. */
    static KafkaMigrationGateway open(RunClient client) throws RunClient.Unreachable {
        try {
            return new KafkaMigrationGateway(client.channel(Topics.MIGRATION_COMMANDS, Topics.MIGRATION_OUTCOMES,
                    MigrationOutcome::getCommandId));
        } catch (KafkaException e) {
            throw new RunClient.Unreachable("cannot read " + Topics.MIGRATION_OUTCOMES.name() + " (" + e.getMessage()
                    + "): does the topic exist? The services create it at start-up.");
        }
    }

    @Override
    public Optional<MigrationOutcome> send(MigrationCommand command, Duration timeout) {
        String key = CoreTypes.tableKey(command.getTable()).messageKey();
        return channel.ask(key, command.getCommandId(), command, timeout);
    }

    @Override
    public void close() {
        channel.close();
    }
}
