package io.arxos.partitions.reporter.domain.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Mann-Whitney U test (two-sided, normal approximation with tie and continuity correction): whether one side's
 * run times tend to be larger than the other's. Rank-based, so a single slow outlier run does not decide a
 * verdict, and no normal distribution of times is assumed.
 */
public final class MannWhitney {

    private MannWhitney() {
    }

    /** The two-sided p-value of "a and b come from the same distribution". */
    public static double pValue(List<Double> a, List<Double> b) {
        int n1 = a.size();
        int n2 = b.size();
        if (n1 == 0 || n2 == 0) {
            return 1;
        }
        List<double[]> all = new ArrayList<>();
        a.forEach(x -> all.add(new double[] {x, 0}));
        b.forEach(x -> all.add(new double[] {x, 1}));
        all.sort(Comparator.comparingDouble(x -> x[0]));
        double rankSumA = 0;
        double tieTerm = 0;
        int n = all.size();
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && all.get(j + 1)[0] == all.get(i)[0]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            int ties = j - i + 1;
            tieTerm += (double) ties * ties * ties - ties;
            for (int k = i; k <= j; k++) {
                if (all.get(k)[1] == 0) {
                    rankSumA += rank;
                }
            }
            i = j + 1;
        }
        double u = rankSumA - n1 * (n1 + 1) / 2.0;
        double mean = n1 * (double) n2 / 2;
        double variance = n1 * (double) n2 / 12 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
        if (variance <= 0) {
            return 1;
        }
        double z = (Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
        return Math.min(1, 2 * (1 - standardNormal(Math.max(z, 0))));
    }

    /** Φ(z), after Abramowitz and Stegun 26.2.17 (error below 7.5e-8). */
    static double standardNormal(double z) {
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double d = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        double tail = d * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978
                + t * 1.330274429))));
        return z >= 0 ? 1 - tail : tail;
    }
}
