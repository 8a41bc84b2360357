package dev.precog.analyzer.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real `jcmd Thread.print` output of a JVM with a monitor deadlock and a ReentrantLock deadlock. */
class ThreadDumpDeadlocksTest {

    private static String dump(String name) throws IOException {
        try (InputStream in = ThreadDumpDeadlocksTest.class.getResourceAsStream("/threaddumps/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"deadlocks-jdk17.txt", "deadlocks-jdk25.txt"})
    void bothCyclesWithTheirLockClassesHoldersAndStacks(String file) throws IOException {
        List<Deadlock> found = ThreadDumpDeadlocks.parse(dump(file));

        assertThat(found).hasSize(2);
        Deadlock monitors = found.get(0);
        assertThat(monitors.threadNames()).containsExactly("transfer-1", "transfer-2");
        assertThat(monitors.threads()).allSatisfy(w -> assertThat(w.lockClass()).isEqualTo("Dl$Account"));
        assertThat(monitors.threads().get(0).heldBy()).isEqualTo("transfer-2");
        assertThat(monitors.threads().get(1).heldBy()).isEqualTo("transfer-1");
        assertThat(monitors.threads().get(0).stackTop()).first().isEqualTo("Dl.lambda$main$0:6");
        assertThat(monitors.threads().get(0).stackTop()).contains("java.lang.Thread.run:" + (file.contains("17") ? 840 : 1474));

        Deadlock locks = found.get(1);
        assertThat(locks.threadNames()).containsExactly("ledger-1", "ledger-2");
        assertThat(locks.threads()).allSatisfy(w ->
                assertThat(w.lockClass()).isEqualTo("java.util.concurrent.locks.ReentrantLock$NonfairSync"));
        // native frames have no line
        assertThat(locks.threads().get(0).stackTop()).first().isEqualTo("jdk.internal.misc.Unsafe.park");
        assertThat(locks.threads().get(0).stackTop()).hasSize(ThreadDumpDeadlocks.STACK_FRAMES);
    }

    @Test
    void aDumpWithoutDeadlocksHasNone() {
        assertThat(ThreadDumpDeadlocks.parse("\"main\" #1 prio=5\n   java.lang.Thread.State: RUNNABLE\n")).isEmpty();
        assertThat(ThreadDumpDeadlocks.parse(null)).isEmpty();
    }
}
