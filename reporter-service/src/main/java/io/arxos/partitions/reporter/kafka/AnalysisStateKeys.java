package io.arxos.partitions.reporter.kafka;

import static io.arxos.partitions.reporter.kafka.StateKeys.SEP;

/**
 * Keys of the analysis state store, built like {@link StateKeys}: {@code a␟<id>} holds an analysis' progress,
 * {@code s␟<id>} its run summary and {@code t␟<length of id>␟<id>␟<database>/<schema>.<table>} one table analysis.
 */
final class AnalysisStateKeys {

    /** Prefix of every progress key: a prefix scan over it visits each analysis once. */
    static final String PROGRESS_PREFIX = "a" + SEP;

    private AnalysisStateKeys() {
    }

    static String progress(String analysisId) {
        return PROGRESS_PREFIX + analysisId;
    }

    static String run(String analysisId) {
        return "s" + SEP + analysisId;
    }

    static String tablePrefix(String analysisId) {
        return "t" + SEP + analysisId.length() + SEP + analysisId + SEP;
    }

    static String table(String analysisId, String tableKey) {
        return tablePrefix(analysisId) + tableKey;
    }
}
