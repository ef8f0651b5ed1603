package io.arxos.partitions.reporter.domain.benchmark;

import static io.arxos.partitions.reporter.domain.benchmark.Benchmarks.pair;
import static io.arxos.partitions.reporter.domain.benchmark.Benchmarks.side;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void aClearDropBeyondTheNoiseIsFaster() {
        Verdict.Decision d = Verdict.decide(pair("q", side("a", "x", 0, 10.2, 10.1, 9.9, 10.4, 10.0, 10.3, 9.8, 10.1,
                10.2), side("b", "x", 1, 2.1, 2.0, 2.2, 1.9, 2.0, 2.1, 2.3, 2.0, 2.1)));

        assertThat(d.verdict()).isEqualTo(Verdict.FASTER);
        assertThat(d.changePercent()).isCloseTo(-80, within(1.0));
        assertThat(d.pValue()).isLessThan(Verdict.ALPHA);
    }

    @Test
    void aClearRiseIsSlower() {
        Verdict.Decision d = Verdict.decide(pair("q", side("a", "x", 0, 1, 1.1, 0.9, 1, 1.05, 0.95, 1, 1, 1.02),
                side("b", "x", 13, 3, 3.1, 2.9, 3.2, 3, 3.05, 2.95, 3, 3.1)));

        assertThat(d.verdict()).isEqualTo(Verdict.SLOWER);
    }

    @Test
    void twoSamplesOfTheSameNoiseShowNoSignificantDifference() {
        Random random = new Random(7);
        int differences = 0;
        for (int trial = 0; trial < 200; trial++) {
            double[] a = new double[9];
            double[] b = new double[9];
            for (int i = 0; i < 9; i++) {
                a[i] = 5 + Math.abs(random.nextGaussian());
                b[i] = 5 + Math.abs(random.nextGaussian());
            }
            if (Verdict.decide(pair("q", side("a", "x", 0, a), side("b", "x", 0, b)))
                    .verdict() != Verdict.NO_DIFFERENCE) {
                differences++;
            }
        }
        assertThat(differences).as("false alarms in 200 A/A comparisons").isLessThanOrEqualTo(2);
    }

    @Test
    void oneSlowOutlierRunDoesNotMakeAQuerySlower() {
        Verdict.Decision d = Verdict.decide(pair("q", side("a", "x", 0, 5, 5.1, 4.9, 5, 5.2, 4.8, 5, 5.1, 4.9),
                side("b", "x", 0, 5, 5.1, 4.9, 5, 5.2, 4.8, 5, 5.1, 90)));

        assertThat(d.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
    }

    @Test
    void aSmallButConsistentShiftBelowTheMinimumEffectIsNoDifference() {
        Verdict.Decision d = Verdict.decide(pair("q", side("a", "x", 0, 10, 10, 10, 10, 10, 10, 10, 10, 10.01),
                side("b", "x", 0, 10.2, 10.2, 10.2, 10.2, 10.2, 10.2, 10.2, 10.2, 10.21)));

        assertThat(d.pValue()).isLessThan(Verdict.ALPHA);
        assertThat(d.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
    }

    @Test
    void aConsistentButSubMillisecondShiftIsNoDifference() {
        Verdict.Decision d = Verdict.decide(pair("q", side("a", "x", 0, 0.30, 0.31, 0.29, 0.30, 0.30, 0.31, 0.29, 0.30,
                0.30), side("b", "x", 0, 0.45, 0.46, 0.44, 0.45, 0.45, 0.46, 0.44, 0.45, 0.45)));

        assertThat(d.pValue()).isLessThan(Verdict.ALPHA);
        assertThat(d.changePercent()).isGreaterThan(40);
        assertThat(d.verdict()).isEqualTo(Verdict.NO_DIFFERENCE);
    }

    @Test
    void differentResultsVoidTheComparisonWhateverTheTimes() {
        Verdict.Decision d = Verdict.decide(pair("q", side("a", "111", 0, 10, 10, 10, 10),
                side("b", "222", 1, 1, 1, 1, 1)));

        assertThat(d.verdict()).isEqualTo(Verdict.VOID);
        assertThat(d.voidReason()).get().asString().contains("different rows");
    }

    @Test
    void aSideThatCouldNotBeMeasuredVoidsTheComparison() {
        TableBenchmark.Side failed = new TableBenchmark.Side("b", List.of(), 0, "", 0, 0, 0, 0, List.of(),
                "after side: statement_timeout reached");
        Verdict.Decision d = Verdict.decide(pair("q", side("a", "x", 0, 1, 1, 1), failed));

        assertThat(d.verdict()).isEqualTo(Verdict.VOID);
        assertThat(d.voidReason()).get().asString().contains("statement_timeout");
    }

    @Test
    void theRankTestMatchesAKnownValue() {
        // a = 1..5, b = 6..10: U = 0, z = (12.5 - 0.5) / sqrt(22.9167) = 2.5067, p = 0.0122
        assertThat(MannWhitney.pValue(List.of(1.0, 2.0, 3.0, 4.0, 5.0), List.of(6.0, 7.0, 8.0, 9.0, 10.0)))
                .isCloseTo(0.0122, within(0.0005));
        assertThat(MannWhitney.pValue(List.of(1.0, 1.0), List.of(1.0, 1.0))).isEqualTo(1.0);
    }
}
