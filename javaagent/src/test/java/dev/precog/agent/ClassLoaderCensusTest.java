package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.evidence.Census;
import dev.precog.analyzer.evidence.LoaderCensus;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

/** The census counts classes by their defining loader's type, and loader instances per type. */
class ClassLoaderCensusTest {

    /** A loader type only this test uses, defining copies of one small class. */
    static final class CopyingLoader extends ClassLoader {
        CopyingLoader() {
            super(ClassLoaderCensusTest.class.getClassLoader());
        }

        Class<?> define(byte[] bytes) {
            return defineClass(Copied.class.getName(), bytes, 0, bytes.length);
        }
    }

    /** What the loaders define. */
    public static final class Copied {}

    @Test
    void countsClassesAndLoadersPerLoaderType() throws IOException {
        Instrumentation instrumentation = ByteBuddyAgent.install();
        byte[] bytes;
        try (InputStream in = Copied.class.getResourceAsStream("ClassLoaderCensusTest$Copied.class")) {
            bytes = in.readAllBytes();
        }
        List<Class<?>> kept = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            kept.add(new CopyingLoader().define(bytes));
        }

        Census census = ClassLoaderCensus.take(instrumentation);

        Map<String, Long> counts = census.counts();
        String type = CopyingLoader.class.getName();
        assertThat(counts).containsEntry(type, 12L).containsEntry(LoaderCensus.loadersKey(type), 12L);
        assertThat(counts.get(LoaderCensus.BOOTSTRAP)).isGreaterThan(400);
        assertThat(counts).containsEntry(LoaderCensus.loadersKey(LoaderCensus.BOOTSTRAP), 1L);
        assertThat(census.at()).isBeforeOrEqualTo(Instant.now());
        assertThat(kept).hasSize(12);
    }

    @Test
    void onlyAMetaspaceLeakCallsForACensus() {
        assertThat(ClassLoaderCensus.wanted(List.of(finding(FindingKind.MEMORY_LEAK)))).isFalse();
        assertThat(ClassLoaderCensus.wanted(List.of(finding(FindingKind.MEMORY_LEAK), finding(FindingKind.METASPACE_LEAK))))
                .isTrue();
    }

    private static Finding finding(FindingKind kind) {
        return new Finding("x", kind, Severity.WARNING, 0.9, Instant.EPOCH, "LINEAR", "", Map.of(), List.of(), List.of());
    }
}
