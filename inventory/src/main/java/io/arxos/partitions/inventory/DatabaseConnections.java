package io.arxos.partitions.inventory;

import io.arxos.partitions.core.DatabaseId;
import java.sql.Connection;
import java.sql.SQLException;

/** Where adapters get a session with a fleet database; closing the connection hands it back. */
public interface DatabaseConnections {

    /** A connection with auto-commit on and the session time zone set to UTC. */
    Connection open(DatabaseId id) throws SQLException;
}
