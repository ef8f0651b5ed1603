package io.arxos.partitions.core;

/** What retention does with an expired partition: drop it, or detach it and keep it in an archive schema. */
public enum RetentionAction {
    DROP,
    DETACH
}
