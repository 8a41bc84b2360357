package dev.precog.agent.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LoadedProfilersTest {

    private static final String MAPS = """
            55d4c8a00000-55d4c8a01000 r--p 00000000 08:01 2621497                    /usr/lib/jvm/java-17/bin/java
            7f3a10000000-7f3a10021000 rw-p 00000000 00:00 0
            7f3a1c000000-7f3a1c05e000 r-xp 00000000 08:01 1234                       /opt/other agent/libasyncProfiler.so
            7f3a1c05e000-7f3a1c060000 r--p 0005e000 08:01 1234                       /opt/other agent/libasyncProfiler.so
            7f3a2c000000-7f3a2c05e000 r-xp 00000000 08:01 777                        /tmp/pyroscope/libasyncProfiler-linux-x64-6c3d.so (deleted)
            7f3a3c000000-7f3a3c05e000 r-xp 00000000 08:01 999                        /tmp/precog-asprof-42/libasyncProfiler.so (deleted)
            7f3a4c000000-7f3a4c05e000 r-xp 00000000 08:01 888                        /usr/lib/libjavaProfiler.so
            7ffd8e5f0000-7ffd8e611000 rw-p 00000000 00:00 0                          [stack]
            """;

    @Test
    void everyProfilerCopyIsFoundOnceWhateverItsNameSuffixOrDeletion() {
        assertThat(LoadedProfilers.in(MAPS, null)).containsExactly("/opt/other agent/libasyncProfiler.so",
                "/tmp/pyroscope/libasyncProfiler-linux-x64-6c3d.so", "/tmp/precog-asprof-42/libasyncProfiler.so",
                "/usr/lib/libjavaProfiler.so");
    }

    @Test
    void precogsOwnCopyIsNotSomeoneElses() {
        assertThat(LoadedProfilers.in(MAPS, Path.of("/tmp/precog-asprof-42")))
                .doesNotContain("/tmp/precog-asprof-42/libasyncProfiler.so").hasSize(3);
    }

    @Test
    void aProcessWithoutAProfilerHasNone() {
        assertThat(LoadedProfilers.in(MAPS.lines().filter(l -> !l.contains("Profiler")).reduce("", (a, b) -> a + b + "\n"), null))
                .isEmpty();
    }

    @Test
    void thisTestJvmHasNone() throws Exception {
        assertThat(LoadedProfilers.inThisProcess(null)).isEmpty();
    }
}
