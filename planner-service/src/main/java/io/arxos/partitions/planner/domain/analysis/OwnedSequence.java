package io.arxos.partitions.planner.domain.analysis;

import io.arxos.partitions.core.Identifier;

/**
 * A sequence that feeds a column of the table (serial or identity), which a migration must carry over.
 *
 * @param sequence the sequence as a schema-qualified, quoted name (regclass text)
 */
public record OwnedSequence(Identifier column, String sequence, boolean identity) {
}
