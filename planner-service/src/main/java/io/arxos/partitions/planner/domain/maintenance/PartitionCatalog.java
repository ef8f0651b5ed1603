package io.arxos.partitions.planner.domain.maintenance;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.TableRef;
import java.util.List;
import java.util.Map;

/** Reads the partitioning state of a database's managed tables, in a few set-based queries per database. */
public interface PartitionCatalog {

    /**
     * @return an entry for every requested table
     * @throws CatalogUnavailableException when the database cannot be reached or read
     */
    Map<TableRef, CatalogEntry> read(DatabaseId database, List<TablePolicy> tables);

    /** The database could not be read at all; the message names the database and says why. */
    class CatalogUnavailableException extends RuntimeException {
        public CatalogUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
