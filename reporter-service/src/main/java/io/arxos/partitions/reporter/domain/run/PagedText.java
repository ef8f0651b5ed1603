package io.arxos.partitions.reporter.domain.run;

import java.io.Writer;
import java.util.Objects;
import java.util.Optional;

/**
 * A writer that cuts what a renderer writes into pages of at most {@code pageBytes} UTF-8 bytes and hands each full
 * page to a sink as soon as it is cut, so a report of any size never has to exist as one string. Text that fits one
 * page is kept instead ({@link #inline()}): small reports stay one record, as before. A page never ends between the
 * two halves of a surrogate pair, so every page is valid UTF-8 on its own.
 */
public final class PagedText extends Writer {

    /** Receives the pages in order. */
    @FunctionalInterface
    public interface Sink {
        void page(int index, String text);
    }

    private final int pageBytes;
    private final Sink sink;
    private final StringBuilder page = new StringBuilder();
    private int bytes;
    private int pages;
    private boolean closed;

    public PagedText(int pageBytes, Sink sink) {
        if (pageBytes < 4) {
            throw new IllegalArgumentException("page size " + pageBytes + " bytes is too small for one character");
        }
        this.pageBytes = pageBytes;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            put(buffer[i]);
        }
    }

    @Override
    public PagedText append(CharSequence text) {
        return append(text, 0, text.length());
    }

    @Override
    public PagedText append(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            put(text.charAt(i));
        }
        return this;
    }

    @Override
    public void write(int c) {
        put((char) c);
    }

    @Override
    public void write(String text, int offset, int length) {
        append(text, offset, offset + length);
    }

    @Override
    public void flush() {
        // pages go out when full or at close; a partial page is not a page
    }

    /** Sends the last page, if the text did not fit one. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pages > 0 && page.length() > 0) {
            cut();
        }
    }

    /** After {@link #close()}: the whole text when it fitted one page (no page was sent), else empty. */
    public Optional<String> inline() {
        if (!closed) {
            throw new IllegalStateException("paged text not closed yet");
        }
        return pages == 0 ? Optional.of(page.toString()) : Optional.empty();
    }

    /** Pages sent so far: 0 for text kept inline. */
    public int pages() {
        return pages;
    }

    private void put(char c) {
        if (closed) {
            throw new IllegalStateException("paged text already closed");
        }
        int size = utf8Bytes(c);
        // a high surrogate starts a 4-byte character: keep room for both halves on this page
        int needed = Character.isHighSurrogate(c) ? 4 : size;
        if (bytes + needed > pageBytes && !(Character.isLowSurrogate(c) && endsWithHighSurrogate())) {
            cut();
        }
        page.append(c);
        bytes += size;
    }

    /** The UTF-8 length of {@code texts} (null counts 0), counted without encoding them. */
    public static long utf8Bytes(String... texts) {
        long bytes = 0;
        for (String text : texts) {
            for (int i = 0; text != null && i < text.length(); i++) {
                bytes += utf8Bytes(text.charAt(i));
            }
        }
        return bytes;
    }

    /** UTF-8 bytes of one char; each half of a surrogate pair counts 2, the pair's 4 bytes together. */
    private static int utf8Bytes(char c) {
        return c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }

    private boolean endsWithHighSurrogate() {
        return page.length() > 0 && Character.isHighSurrogate(page.charAt(page.length() - 1));
    }

    private void cut() {
        sink.page(pages++, page.toString());
        page.setLength(0);
        bytes = 0;
    }
}
