package io.arxos.partitions.planner.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunDeadlineTest {

    private static final Instant PLANNED = Instant.parse("2026-12-01T03:00:00Z");

    @Test
    void theDefaultDeadlineGrowsWithThePlannedCommands() {
        RunDeadline deadline = new RunDeadline(Duration.ofMinutes(30), Duration.ofMillis(100));
        assertThat(deadline.due(PLANNED, 0)).isEqualTo(PLANNED.plus(Duration.ofMinutes(30)));
        // 10,000 tables × 4 commands: 30 min + 4,000 s
        assertThat(deadline.due(PLANNED, 40_000)).isEqualTo(PLANNED.plus(Duration.ofMinutes(30))
                .plusSeconds(4_000));
    }

    @Test
    void aDeadlineTheRequesterAskedForIsKeptWhateverTheRunsSize() {
        RunDeadline asked = RunDeadline.fixed(Duration.ofMinutes(5));
        assertThat(asked.due(PLANNED, 40_000)).isEqualTo(PLANNED.plus(Duration.ofMinutes(5)));
    }

    @Test
    void refusesADeadlineThatIsNotPositive() {
        assertThatThrownBy(() -> RunDeadline.fixed(Duration.ZERO)).hasMessageContaining("PT0S must be positive");
        assertThatThrownBy(() -> new RunDeadline(Duration.ofMinutes(1), Duration.ofSeconds(-1)))
                .hasMessageContaining("PT-1S must not be negative");
    }
}
