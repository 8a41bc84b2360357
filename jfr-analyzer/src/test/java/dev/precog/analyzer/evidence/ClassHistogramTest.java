package dev.precog.analyzer.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Parsing the text of {@code jcmd <pid> GC.class_histogram}. The fixtures were captured from a
 * JDK 17 JVM running a small program that kept 5,000 (histogram-1) and then 10,000
 * (histogram-2) instances of its nested class {@code Leaky$Session} in a static list; each was
 * trimmed to the pid line, the header, the first 60 rows and the Total line.
 */
class ClassHistogramTest {

    static final Instant T1 = Instant.parse("2025-03-01T12:00:00Z");
    static final Instant T2 = Instant.parse("2025-03-01T12:00:06Z");

    static String fixture(String name) {
        try (InputStream in = ClassHistogramTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClassHistogram first() {
        return ClassHistogram.parse(fixture("histogram-1.txt"), T1, 12);
    }

    static ClassHistogram second() {
        return ClassHistogram.parse(fixture("histogram-2.txt"), T2, 15);
    }

    @Test
    void parsesEveryClassRowOfARealHistogram() {
        ClassHistogram h = first();

        assertThat(h.at()).isEqualTo(T1);
        assertThat(h.elapsedMillis()).isEqualTo(12);
        // 60 rows, no duplicate names among them
        assertThat(h.classes()).hasSize(60);
        assertThat(h.classes()).containsEntry("[B", new ClassHistogram.Entry(24_860, 1_624_416))
                .containsEntry("java.lang.String", new ClassHistogram.Entry(19_698, 472_752))
                .containsEntry("Leaky$Session", new ClassHistogram.Entry(5_000, 160_000))
                .containsEntry("java.util.HashMap$Node", new ClassHistogram.Entry(3_755, 120_160));
    }

    @Test
    void secondHistogramSeesTheAddedInstances() {
        ClassHistogram h = second();

        assertThat(h.classes()).hasSize(60);
        assertThat(h.classes().get("Leaky$Session")).isEqualTo(new ClassHistogram.Entry(10_000, 320_000));
        assertThat(h.classes().get("[B")).isEqualTo(new ClassHistogram.Entry(34_861, 2_184_440));
    }

    @Test
    void keepsJvmArrayNamesVerbatimAndDropsTheModuleSuffix() {
        ClassHistogram h = first();

        assertThat(h.classes()).containsKeys("[B", "[J", "[I", "[C", "[Ljava.lang.Object;",
                "[Lcom.sun.tools.javac.util.SharedNameTable$NameImpl;");
        assertThat(h.classes().keySet()).noneMatch(name -> name.contains("[]"))
                .noneMatch(name -> name.contains("(") || name.contains("@") || name.contains(" "));
    }

    @Test
    void skipsThePidHeaderSeparatorAndTotalLines() {
        ClassHistogram h = first();

        assertThat(fixture("histogram-1.txt")).startsWith("31966:\n").contains("#instances", "----", "\nTotal ");
        assertThat(h.classes().keySet())
                .noneMatch(name -> name.equals("class") || name.startsWith("-") || name.startsWith("#"))
                .doesNotContain("Total", "31966:");
        // the Total line (92527 instances) is not added to any row
        assertThat(h.classes().values()).noneMatch(e -> e.instances() == 92_527 || e.bytes() == 4_403_168);
    }

    @Test
    void nothingToParse() {
        assertThat(ClassHistogram.parse("", T1, 0).classes()).isEmpty();
        assertThat(ClassHistogram.parse("12345:\nUnable to open socket file\n", T1, 0).classes()).isEmpty();
    }

    @Test
    void windowsLineEndings() {
        String text = fixture("histogram-1.txt").replace("\n", "\r\n");

        ClassHistogram h = ClassHistogram.parse(text, T1, 0);

        assertThat(h.classes()).hasSize(60).containsEntry("[B", new ClassHistogram.Entry(24_860, 1_624_416));
        assertThat(h.classes().keySet()).noneMatch(name -> name.contains("\r"));
    }

    @Test
    void sameNameFromTwoClassLoadersIsSummed() {
        String text = """
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:           100           3200  com.acme.Plugin
                   2:            10            320  com.acme.Plugin
                Total           110           3520
                """;

        assertThat(ClassHistogram.parse(text, T1, 0).classes())
                .containsExactly(java.util.Map.entry("com.acme.Plugin", new ClassHistogram.Entry(110, 3520)));
    }

    @Test
    void keepsAtMostMaxClassesRowsTheLargestFirst() {
        int rows = ClassHistogram.MAX_CLASSES + 500;
        StringBuilder text = new StringBuilder("4242:\n num     #instances         #bytes  class name (module)\n")
                .append("-------------------------------------------------------\n");
        for (int i = 1; i <= rows; i++) {
            // sorted by bytes, largest first, as jcmd prints them
            text.append(String.format(Locale.ROOT, "%6d: %13d %14d  com.acme.Type%d\n", i, i, (rows + 1 - i) * 16L, i));
        }
        text.append("Total 1 2\n");

        ClassHistogram h = ClassHistogram.parse(text.toString(), T1, 0);

        assertThat(h.classes()).hasSize(ClassHistogram.MAX_CLASSES)
                .containsKeys("com.acme.Type1", "com.acme.Type" + ClassHistogram.MAX_CLASSES)
                .doesNotContainKeys("com.acme.Type" + (ClassHistogram.MAX_CLASSES + 1), "com.acme.Type" + rows);
    }

    @Test
    void classesAreImmutable() {
        ClassHistogram h = first();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.classes().put("x", new ClassHistogram.Entry(1, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
