package io.arxos.partitions.reporter.domain.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagedTextTest {

    @Test
    void keepsTextThatFitsOnePageInlineAndSendsNoPage() {
        List<String> pages = new ArrayList<>();
        PagedText text = new PagedText(16, (i, page) -> pages.add(page));
        text.append("0123456789abcdef");
        text.close();
        assertThat(pages).isEmpty();
        assertThat(text.pages()).isZero();
        assertThat(text.inline()).contains("0123456789abcdef");
    }

    @Test
    void cutsLongerTextIntoPagesOfAtMostThePageSizeInUtf8BytesThatJoinToTheText() {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            // one, two, three and four UTF-8 bytes per character
            input.append("a").append("é").append("€").append("😀").append(i);
        }
        List<String> pages = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        PagedText text = new PagedText(64, (i, page) -> {
            indexes.add(i);
            pages.add(page);
        });
        // written in odd-sized pieces, as renderers do
        for (int at = 0; at < input.length(); at += 7) {
            text.append(input, at, Math.min(input.length(), at + 7));
        }
        text.close();
        assertThat(text.inline()).isEmpty();
        assertThat(pages).hasSize(text.pages()).hasSizeGreaterThan(10);
        assertThat(indexes).isSorted().startsWith(0).endsWith(pages.size() - 1);
        assertThat(String.join("", pages)).isEqualTo(input.toString());
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
            // never half a surrogate pair: the page round-trips through UTF-8 unchanged
            assertThat(new String(page.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(page);
        });
    }

    @Test
    void sendsTheLastPartialPageOnClose() {
        List<String> pages = new ArrayList<>();
        PagedText text = new PagedText(4, (i, page) -> pages.add(page));
        text.append("abcdefghij");
        assertThat(pages).containsExactly("abcd", "efgh");
        text.close();
        assertThat(pages).containsExactly("abcd", "efgh", "ij");
    }
}
