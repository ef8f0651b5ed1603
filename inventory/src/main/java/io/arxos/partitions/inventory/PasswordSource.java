package io.arxos.partitions.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where a database password comes from: an environment variable or a file (e.g. a mounted secret). The inventory
 * never holds the password itself, so it can be logged, published and diffed safely.
 */
public sealed interface PasswordSource {

    /** Reads the password now; {@code env} looks up environment variables (a parameter so tests need no real env). */
    String resolve(UnaryOperator<String> env);

    /** Password from an environment variable. */
    record FromEnvironment(String variable) implements PasswordSource {
        public FromEnvironment {
            Objects.requireNonNull(variable, "variable");
        }

        @Override
        public String resolve(UnaryOperator<String> env) {
            String value = env.apply(variable);
            if (value == null) {
                throw new IllegalStateException("environment variable " + variable
                        + " (the database password) is not set");
            }
            return value;
        }

        @Override
        public String toString() {
            return "env:" + variable;
        }
    }

    /** Password from the first line of a file. */
    record FromFile(Path file) implements PasswordSource {
        public FromFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String resolve(UnaryOperator<String> env) {
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                int newline = content.indexOf('\n');
                return (newline < 0 ? content : content.substring(0, newline)).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the database password file " + file, e);
            }
        }

        @Override
        public String toString() {
            return "file:" + file;
        }
    }

    /** No password (trust or peer authentication). */
    record None() implements PasswordSource {
        @Override
        public String resolve(UnaryOperator<String> env) {
            return null;
        }

        @Override
        public String toString() {
            return "none";
        }
    }
}
