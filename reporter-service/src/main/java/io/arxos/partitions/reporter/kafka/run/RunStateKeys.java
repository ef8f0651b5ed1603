package io.arxos.partitions.reporter.kafka.run;

/**
 * Keys of a run store. {@code r␟<run>} holds a run's progress, {@code p␟<run>} its plan and
 * {@code i␟<length of run id>␟<run>␟<item id>} one item's slot. The length makes a run's slot prefix unambiguous
 * whatever characters run ids contain; the unit separator (U+001F) keeps keys readable in the changelog.
 */
final class RunStateKeys {

    static final char SEP = '\u001f';
    /** Prefix of every progress key: a prefix scan over it visits each run once. */
    static final String PROGRESS_PREFIX = "r" + SEP;

    private RunStateKeys() {
    }

    static String progress(String runId) {
        return PROGRESS_PREFIX + runId;
    }

    static String plan(String runId) {
        return "p" + SEP + runId;
    }

    static String slotPrefix(String runId) {
        return "i" + SEP + runId.length() + SEP + runId + SEP;
    }

    static String slot(String runId, String itemId) {
        return slotPrefix(runId) + itemId;
    }
}
