package io.arxos.partitions.cli.run;

import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * A conversation with a service: commands go out on one topic, each answer comes back on another carrying the
 * command's id. It listens at the end of the answer topic before the first command is sent and stays positioned
 * between commands, so no answer can slip past, however fast the service is.
 */
public final class CommandChannel<C extends SpecificRecord, A extends SpecificRecord> implements AutoCloseable {

    private final TopicSpec<C> commandTopic;
    private final TopicSpec<A> answerTopic;
    private final Function<A, String> answerId;
    private final AnswerListener answers;
    private final RequestSender sender;

    CommandChannel(KafkaSettings settings, TopicSpec<C> commandTopic, TopicSpec<A> answerTopic,
            Function<A, String> answerId) {
        this.commandTopic = commandTopic;
        this.answerTopic = answerTopic;
        this.answerId = answerId;
        this.answers = AnswerListener.atEndOf(settings, List.of(answerTopic));
        this.sender = new RequestSender(settings);
    }

    /** Sends {@code command} under {@code key} and waits for the answer carrying {@code id}; empty after timeout. */
    public Optional<A> ask(String key, String id, C command, Duration timeout) {
        sender.send(commandTopic, key, command, id);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (AnswerListener.Answer answer : answers.poll(Duration.ofMillis(250))) {
                A candidate = answer.on(answerTopic);
                if (candidate != null && answerId.apply(candidate).equals(id)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        sender.close();
        answers.close();
    }
}
