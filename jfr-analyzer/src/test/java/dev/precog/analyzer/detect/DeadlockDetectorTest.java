package dev.precog.analyzer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precog.analyzer.evidence.Deadlock;
import dev.precog.analyzer.evidence.Evidence;
import dev.precog.analyzer.timeline.Timeline;
import dev.precog.model.Finding;
import dev.precog.model.FindingKind;
import dev.precog.model.Severity;
import dev.precog.model.Suspect;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadlockDetectorTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private static AnalysisContext with(List<Deadlock> deadlocks) {
        return new AnalysisContext(new Timeline(10), NOW, 4242L, 1L << 30, null, Boolean.TRUE,
                Evidence.NONE.withDeadlocks(deadlocks));
    }

    private static final Deadlock TRANSFERS = new Deadlock(List.of(
            new Deadlock.Waiter("transfer-2", "com.acme.Account", "transfer-1", List.of("com.acme.Bank.transfer:41")),
            new Deadlock.Waiter("transfer-1", "com.acme.Account", "transfer-2", List.of("com.acme.Bank.transfer:42"))));

    @Test
    void aCycleIsOneCriticalFindingNamingTheLockClass() {
        List<Finding> findings = new DeadlockDetector().detect(with(List.of(TRANSFERS)));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.DEADLOCK);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.confidence()).isEqualTo(1.0);
            assertThat(f.id()).isEqualTo("transfer-1,transfer-2");
            assertThat(f.summary()).startsWith("Deadlock of 2 threads: \"transfer-2\" waits for com.acme.Account held by \"transfer-1\"");
            assertThat(f.suspects()).extracting(Suspect::className).containsExactly("com.acme.Account");
            assertThat(f.suspects().get(0).stackTop()).containsExactly("com.acme.Bank.transfer:41");
            assertThat(f.evidence().get("threads")).isEqualTo(List.of("transfer-1", "transfer-2"));
            @SuppressWarnings("unchecked")
            Map<String, List<String>> stacks = (Map<String, List<String>>) f.evidence().get("stacks");
            assertThat(stacks).containsKeys("transfer-1", "transfer-2");
            assertThat(f.suggestions().get(0).command()).isEqualTo("jcmd 4242 Thread.print");
        });
    }

    @Test
    void applicationLockTypesComeBeforeTheJdksInAMixedCycle() {
        Deadlock mixed = new Deadlock(List.of(
                new Deadlock.Waiter("a", "java.util.concurrent.locks.ReentrantLock$NonfairSync", "b", List.of()),
                new Deadlock.Waiter("b", "com.acme.Ledger", "a", List.of())));

        Finding f = new DeadlockDetector().detect(with(List.of(mixed))).get(0);

        assertThat(f.suspects()).extracting(Suspect::className)
                .containsExactly("com.acme.Ledger", "java.util.concurrent.locks.ReentrantLock$NonfairSync");
    }

    @Test
    void noDeadlockNoFinding() {
        assertThat(new DeadlockDetector().detect(with(List.of()))).isEmpty();
    }
}
