package io.arxos.partitions.reporter.app.run;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The items of a run that arrived, read from where the assembly keeps them: one at a time by id, so a kind can build
 * its report piece by piece however large the run, or all at once where they are few.
 */
public interface RunItems<I> {

    /** The item with this id, or null when it has not arrived. */
    I get(String itemId);

    /** Every item that arrived, in item id order. */
    List<I> all();

    /** Items already in memory, e.g. for tests. */
    static <I> RunItems<I> of(Map<String, I> items) {
        return new RunItems<>() {
            @Override
            public I get(String itemId) {
                return items.get(itemId);
            }

            @Override
            public List<I> all() {
                return List.copyOf(new TreeMap<>(items).values());
            }
        };
    }
}
