package dev.precog.analyzer.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkMemoTest {

    @Test
    void derivesOncePerObjectNotPerEqualValue() {
        List<String> derived = new ArrayList<>();
        ChunkMemo<String, Integer> memo = new ChunkMemo<>(8, s -> {
            derived.add(s);
            return s.length();
        });
        String a = new String("java.lang.String");
        String sameText = new String("java.lang.String");

        assertThat(memo.get(a)).isEqualTo(16);
        assertThat(memo.get(a)).isEqualTo(16);
        assertThat(memo.get(sameText)).isEqualTo(16);

        // the parser's objects are shared within a chunk: identity, not equality, is the key
        assertThat(derived).hasSize(2);
    }

    @Test
    void remembersANullResultAndForgetsEverythingWhenFullOrWhenTheChunkEnds() {
        List<Object> derived = new ArrayList<>();
        ChunkMemo<Object, String> memo = new ChunkMemo<>(2, o -> {
            derived.add(o);
            return null;
        });
        Object first = new Object();
        memo.get(first);
        memo.get(first);
        assertThat(derived).hasSize(1);

        memo.get(new Object());
        memo.get(new Object()); // full: emptied before this one
        memo.get(first);
        assertThat(derived).hasSize(4);

        ChunkMemo.forgetAll();
        memo.get(first);
        assertThat(derived).hasSize(5);
        assertThat(memo.get(null)).isNull();
    }
}
