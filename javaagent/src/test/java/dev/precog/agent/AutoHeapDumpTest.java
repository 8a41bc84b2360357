package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.HeapDumpSuggestion;
import dev.precog.model.HeapDumpSuggestion.AutoDump;
import dev.precog.model.Severity;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoHeapDumpTest {

    private static final long MB = 1024L * 1024;
    private static final long GB = 1024 * MB;
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration BEFORE = Duration.ofMinutes(30);

    @TempDir
    Path dir;

    private final AtomicInteger dumps = new AtomicInteger();
    private final AtomicLong usable = new AtomicLong(50 * GB);

    /** Stands in for the JVM: writes {@code bytes} to the file it is given, as the JVM would, world-readable. */
    private HeapDumper fakeJvm(int bytes) {
        return new HeapDumper(file -> {
            dumps.incrementAndGet();
            Files.write(file, new byte[bytes]);
        });
    }

    private AutoHeapDump auto(HeapDumper dumper) {
        return new AutoHeapDump(BEFORE, dumper, d -> usable.get());
    }

    @Test
    void aConfidentLeakWithinHeapDumpBeforeIsDumpedOnceOwnerOnly() throws IOException {
        AutoHeapDump auto = auto(fakeJvm(4096));

        AutoDump taken = auto.update(leak(Severity.WARNING), suggestion(1500.0, 1200.0), NOW);

        Path file = dir.resolve("precog-heap-4242.hprof");
        assertThat(taken.status()).isEqualTo(AutoDump.TAKEN);
        assertThat(taken.path()).isEqualTo(file.toString());
        assertThat(taken.bytes()).isEqualTo(4096);
        assertThat(taken.at()).isEqualTo(NOW);
        assertThat(taken.durationSeconds()).isNotNull();
        assertThat(taken.heapDumpBeforeSeconds()).isEqualTo(1800);
        assertThat(taken.reason()).startsWith("Taken on a MEMORY_LEAK at WARNING or above, and the heap forecast to run out in about 20m00s"
                + " (heapDumpBefore=30m00s): 4.0 KB written to " + file);
        assertThat(file).hasSize(4096);
        if (posix()) {
            assertThat(taken.ownerOnly()).isTrue();
            assertThat(taken.reason()).contains("readable by its owner only");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(HeapDumper.OWNER_ONLY_FILE);
        }
        // the private directory it was written in is gone
        assertThat(filesIn(dir)).containsExactly(file);

        // at most once per run: the same condition later takes no second dump
        AutoDump later = auto.update(leak(Severity.CRITICAL), suggestion(300.0, 200.0), NOW.plusSeconds(600));
        assertThat(later).isEqualTo(taken);
        assertThat(dumps).hasValue(1);
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void itStaysArmedWithoutAConfidentLeakOrWhileTheHeapLastsLongerThanHeapDumpBefore() {
        AutoHeapDump auto = auto(fakeJvm(10));
        assertThat(auto.record().status()).isEqualTo(AutoDump.ARMED);

        assertThat(auto.update(List.of(), suggestion(600.0, 500.0), NOW).reason())
                .isEqualTo("Armed: one heap dump when a MEMORY_LEAK is at WARNING or above and the heap is forecast to run out"
                        + " within 30m00s; now no MEMORY_LEAK at WARNING or above.");
        // an INFO leak is not confident
        assertThat(auto.update(leak(Severity.INFO), suggestion(600.0, 500.0), NOW).status()).isEqualTo(AutoDump.ARMED);
        // no forecast crossing
        assertThat(auto.update(leak(Severity.WARNING), suggestion(null, null), NOW).reason())
                .endsWith("now the heap forecast does not reach the max heap.");
        // the heap lasts longer than heapDumpBefore, even pessimistically
        AutoDump armed = auto.update(leak(Severity.WARNING), suggestion(7200.0, 3600.0), NOW);
        assertThat(armed.status()).isEqualTo(AutoDump.ARMED);
        assertThat(armed.reason()).endsWith("now the heap is forecast to run out in about 1h00m.");
        assertThat(armed.at()).isNull();
        assertThat(armed.path()).isNull();
        assertThat(dumps).hasValue(0);
    }

    @Test
    void thePessimisticBoundTriggersBeforeThePointForecastDoes() {
        AutoHeapDump auto = auto(fakeJvm(10));

        // the point forecast says 2 h, its pessimistic bound 25 min: within 30 min
        assertThat(auto.update(leak(Severity.WARNING), suggestion(7200.0, 1500.0), NOW).status()).isEqualTo(AutoDump.TAKEN);
        // without a bound the point forecast decides
        AutoHeapDump other = new AutoHeapDump(BEFORE, fakeJvm(10), d -> usable.get());
        assertThat(other.update(leak(Severity.WARNING), suggestion(1700.0, null), NOW).status()).isEqualTo(AutoDump.TAKEN);
    }

    @Test
    void aDiskWithoutRoomRefusesAndSaysWhyThenDumpsOnceRoomAppears() throws IOException {
        AutoHeapDump auto = auto(fakeJvm(10));
        // a 1 GB dump needs 1.25 GB free (256 MB to spare)
        usable.set(GB);

        AutoDump refused = auto.update(leak(Severity.WARNING), suggestion(600.0, 500.0), NOW);

        assertThat(refused.status()).isEqualTo(AutoDump.REFUSED);
        assertThat(refused.at()).isEqualTo(NOW);
        assertThat(refused.path()).isEqualTo(dir.resolve("precog-heap-4242.hprof").toString());
        assertThat(refused.bytes()).isNull();
        assertThat(refused.reason()).contains("only 1.0 GB is usable in " + dir + ", and a dump needs about 1.3 GB (an estimated 1.0 GB file and 256.0 MB to spare)",
                "Checked again after each analysis", "jcmd 4242 GC.heap_dump /other/disk/precog-heap-4242.hprof");
        assertThat(dumps).hasValue(0);
        assertThat(filesIn(dir)).isEmpty();

        // the refusal is kept while the leak's condition lapses...
        assertThat(auto.update(List.of(), suggestion(null, null), NOW.plusSeconds(10)).status()).isEqualTo(AutoDump.REFUSED);
        // ...and the dump is taken once the disk has room
        usable.set(2 * GB);
        AutoDump taken = auto.update(leak(Severity.WARNING), suggestion(500.0, 400.0), NOW.plusSeconds(20));
        assertThat(taken.status()).isEqualTo(AutoDump.TAKEN);
        assertThat(dumps).hasValue(1);
    }

    @Test
    void aDiskWhoseSpaceCannotBeReadRefusesToo() {
        AutoHeapDump auto = new AutoHeapDump(BEFORE, fakeJvm(10), d -> null);

        AutoDump refused = auto.update(leak(Severity.WARNING), suggestion(600.0, 500.0), NOW);

        assertThat(refused.status()).isEqualTo(AutoDump.REFUSED);
        assertThat(refused.reason()).contains("the usable disk space in " + dir + " cannot be read");
        assertThat(dumps).hasValue(0);
    }

    @Test
    void aFailedDumpIsRecordedLeavesNothingBehindAndIsNotRetried() throws IOException {
        AutoHeapDump auto = auto(new HeapDumper(file -> {
            dumps.incrementAndGet();
            Files.write(file, new byte[100]); // part of it written
            throw new IOException("No space left on device");
        }));

        AutoDump failed = auto.update(leak(Severity.WARNING), suggestion(600.0, 500.0), NOW);

        assertThat(failed.status()).isEqualTo(AutoDump.FAILED);
        assertThat(failed.at()).isEqualTo(NOW);
        assertThat(failed.durationSeconds()).isNotNull();
        assertThat(failed.bytes()).isNull();
        assertThat(failed.reason()).contains(": No space left on device. Nothing was kept, and it is not tried again in this JVM run",
                "jcmd 4242 GC.heap_dump " + dir.resolve("precog-heap-4242.hprof"));
        assertThat(filesIn(dir)).as("no partial dump, no private directory").isEmpty();

        assertThat(auto.update(leak(Severity.CRITICAL), suggestion(60.0, 30.0), NOW.plusSeconds(60))).isEqualTo(failed);
        assertThat(dumps).hasValue(1);
    }

    @Test
    void aJvmThatThrowsAnUncheckedErrorIsAFailureToo() {
        AutoHeapDump auto = auto(new HeapDumper(file -> {
            throw new IllegalArgumentException("heapdump file must have .hprof extention");
        }));

        assertThat(auto.update(leak(Severity.WARNING), suggestion(600.0, 500.0), NOW).reason())
                .contains("heapdump file must have .hprof extention");
    }

    @Test
    void anExistingFileIsNeverReplaced() throws IOException {
        Path earlier = Files.writeString(dir.resolve("precog-heap-4242.hprof"), "the operator's own dump");
        AutoHeapDump auto = auto(fakeJvm(10));

        AutoDump taken = auto.update(leak(Severity.WARNING), suggestion(600.0, 500.0), NOW);

        assertThat(taken.path()).isEqualTo(dir.resolve("precog-heap-4242-2.hprof").toString());
        assertThat(earlier).hasContent("the operator's own dump");
        assertThat(Path.of(taken.path())).hasSize(10);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static List<Path> filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    private static List<Finding> leak(Severity severity) {
        return List.of(new Finding("heap", FindingKind.MEMORY_LEAK, severity, 0.99, NOW, "LINEAR", "Heap live set grows", Map.of(),
                List.of(), List.of()));
    }

    /** Advice for a 1 GB dump to {@link #dir}. */
    private HeapDumpSuggestion suggestion(Double toOom, Double toOomLow) {
        Path file = dir.resolve("precog-heap-4242.hprof");
        return new HeapDumpSuggestion(true, "leak", "jcmd 4242 GC.heap_dump " + file, file.toString(), 600 * MB, GB, 12.0,
                usable.get(), null, toOom, toOomLow, null, "op", null, null);
    }
}
