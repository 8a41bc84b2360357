package dev.precog.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportSummaryTest {

    @Test
    void heapDumpAdviceShowsCommandOperationFlagsAndTheAutomaticDump() throws IOException {
        String json = """
                {"heapDumpSuggestion": {"recommended": true,
                  "reason": "Confident heap leak (heap); take the dump now while it is small: about 300.0 MB of live objects",
                  "command": "jcmd 42 GC.heap_dump /r/precog-heap-42.hprof",
                  "mbeanOperation": "dev.precog:type=Precog dumpHeap()",
                  "onOutOfMemoryFlags": "-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/r",
                  "autoDump": {"status": "taken", "reason": "Taken on a MEMORY_LEAK: 466.0 MB written to /r/precog-heap-42.hprof"}}}
                """;

        assertThat(print(json)).contains("""
                Heap dump recommended: Confident heap leak (heap); take the dump now while it is small: about 300.0 MB of live objects
                  jcmd 42 GC.heap_dump /r/precog-heap-42.hprof
                  or JMX: dev.precog:type=Precog dumpHeap()
                  keep one if the heap runs out: -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/r
                Automatic heap dump (taken): Taken on a MEMORY_LEAK: 466.0 MB written to /r/precog-heap-42.hprof
                """);
    }

    @Test
    void withoutALeakTheCommandIsStillGivenAndNothingAboutFlagsTheJvmHas() throws IOException {
        String json = """
                {"heapDumpSuggestion": {"recommended": false, "reason": "No confident heap leak: a heap dump is not needed now",
                  "command": "jcmd 42 GC.heap_dump /r/precog-heap-42.hprof", "mbeanOperation": null, "onOutOfMemoryFlags": null,
                  "autoDump": null}}
                """;

        String text = print(json);

        assertThat(text).contains("Heap dump: No confident heap leak: a heap dump is not needed now\n"
                + "  jcmd 42 GC.heap_dump /r/precog-heap-42.hprof\n");
        assertThat(text).doesNotContain("JMX", "runs out", "Automatic");
    }

    private static String print(String json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ReportSummary.print(ReportSummary.parse(json), out);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
