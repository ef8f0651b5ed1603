package io.arxos.partitions.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** Parses a folder of .avsc files whose named types refer to each other, in whatever order they come. */
final class SchemaFiles {

    private SchemaFiles() {
    }

    /** All named types defined in {@code dir}, by full name. */
    static Map<String, Schema> parseFolder(Path dir) {
        List<Path> pending;
        try (Stream<Path> files = Files.list(dir)) {
            pending = new ArrayList<>(files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Schema> parsed = new HashMap<>();
        while (!pending.isEmpty()) {
            List<Path> retry = new ArrayList<>();
            for (Path file : pending) {
                try {
                    Schema schema = parseWith(parsed, file);
                    parsed.put(schema.getFullName(), schema);
                } catch (SchemaParseException | AvroTypeException e) {
                    retry.add(file); // refers to a type defined in a file not parsed yet
                }
            }
            if (retry.size() == pending.size()) {
                throw new IllegalStateException("unresolvable schemas in " + dir + ": " + retry);
            }
            pending = retry;
        }
        return parsed;
    }

    /** Parses one file against the named types already known (so it may refer to them). */
    static Schema parseWith(Map<String, Schema> known, Path file) {
        Schema.Parser parser = new Schema.Parser();
        parser.addTypes(known.values());
        try {
            return parser.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
