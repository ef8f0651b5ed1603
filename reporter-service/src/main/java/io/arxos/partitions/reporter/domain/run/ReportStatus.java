package io.arxos.partitions.reporter.domain.run;

/** Whether a report saw every planned command's outcome. */
public enum ReportStatus {
    COMPLETE,
    INCOMPLETE
}
