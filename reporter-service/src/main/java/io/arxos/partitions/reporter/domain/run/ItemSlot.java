package io.arxos.partitions.reporter.domain.run;

import java.util.Objects;

/**
 * What the reporter knows about one item of a run (a command's outcome, a table's analysis): whether the plan lists
 * it and the item itself once it arrived. Items can arrive before the plan, so a slot can hold an item that is not
 * (yet) known to be planned.
 */
public record ItemSlot<I>(String id, boolean planned, I item) {

    public ItemSlot {
        Objects.requireNonNull(id, "id");
    }

    public static <I> ItemSlot<I> empty(String id) {
        return new ItemSlot<>(id, false, null);
    }

    public ItemSlot<I> markPlanned() {
        return new ItemSlot<>(id, true, item);
    }

    /** The slot holding {@code first}; only called for slots without an item (the first one wins). */
    public ItemSlot<I> with(I first) {
        if (item != null) {
            throw new IllegalStateException("item " + id + " has arrived already");
        }
        return new ItemSlot<>(id, planned, Objects.requireNonNull(first, "item"));
    }

    public boolean arrived() {
        return item != null;
    }
}
