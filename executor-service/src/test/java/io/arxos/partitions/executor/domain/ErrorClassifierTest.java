package io.arxos.partitions.executor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.executor.domain.ErrorClassifier.ErrorClass;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "08006, RETRIABLE", "08001, RETRIABLE", "40001, RETRIABLE", "40P01, RETRIABLE", "55P03, RETRIABLE",
        "57P01, RETRIABLE", "57P03, RETRIABLE", "57P04, PERMANENT",
        "42P01, PERMANENT", "42501, PERMANENT", "23514, PERMANENT", "28P01, PERMANENT", "57014, PERMANENT",
        "XX000, PERMANENT"})
    void classifiesBySqlState(String state, ErrorClass expected) {
        assertThat(ErrorClassifier.classify(state)).isEqualTo(expected);
    }

    @Test
    void unknownStatesArePermanent() {
        assertThat(ErrorClassifier.classify(null)).isEqualTo(ErrorClass.PERMANENT);
        assertThat(ErrorClassifier.classify("")).isEqualTo(ErrorClass.PERMANENT);
    }

    @Test
    void backsOffExponentiallyWithinBoundsThenGivesUp() {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(1));

        assertThat(policy.delayAfter(1, 0.0)).contains(Duration.ofMillis(100));
        assertThat(policy.delayAfter(1, 0.999)).get().matches(d -> d.toMillis() <= 200);
        assertThat(policy.delayAfter(2, 0.0)).contains(Duration.ofMillis(200));
        assertThat(policy.delayAfter(3, 0.999)).get().matches(d -> d.toMillis() <= 1000);
        assertThat(policy.delayAfter(4, 0.5)).isEmpty();
    }
}
