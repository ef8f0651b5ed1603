package io.arxos.partitions.reporter.app.maintenance;

import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.DatabaseSection;
import java.io.Writer;

/**
 * Writes a maintenance report as JSON one database section at a time, so a report of any size is never held whole
 * (the json adapter's format): the same document as the report with all its sections written at once.
 */
@FunctionalInterface
public interface StreamedJson {

    /** Starts the document of {@code head} (the report without its sections) on {@code out}. */
    Sections open(MaintenanceReport head, Writer out);

    /** The open document: add the sections in order, then close it. */
    interface Sections extends AutoCloseable {

        void add(DatabaseSection section);

        /** Ends the document; {@code out} stays open. */
        @Override
        void close();
    }
}
