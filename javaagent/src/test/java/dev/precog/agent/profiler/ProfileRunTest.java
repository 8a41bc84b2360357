package dev.precog.agent.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileRunTest {

    /** Only an alloc-live run collects. */
    private static final FullCollection NO_COLLECTION = () -> {
        throw new AssertionError("a full collection outside alloc-live mode");
    };

    @TempDir
    Path dir;

    /** Records the commands; refuses perf events if asked to; writes the flame graph file it is given. */
    private static final class FakeProfiler implements NativeProfiler {
        final List<String> commands = new ArrayList<>();
        final boolean perfRefused;

        FakeProfiler(boolean perfRefused) {
            this.perfRefused = perfRefused;
        }

        @Override
        public String execute(String command) throws Exception {
            commands.add(command);
            if (perfRefused && command.startsWith("start,event=cpu")) {
                throw new IllegalStateException("Perf events unavailable");
            }
            if (command.startsWith("collapsed")) {
                return "Main.main;Hot.spin 9\nMain.main;Cold.wait 1\n";
            }
            if (command.startsWith("flamegraph")) {
                Files.writeString(Path.of(command.substring(command.indexOf("file=") + 5)), "<html>");
            }
            return "OK";
        }
    }

    @Test
    void aCpuRunReportsItsStacksAndPutsTheFlameGraphInPlace() throws Exception {
        FakeProfiler profiler = new FakeProfiler(false);
        Path target = dir.resolve("precog-profile-1-cpu.html");

        ProfileResult r = ProfileRun.run(profiler, ProfileMode.CPU, Duration.ofSeconds(10), target, true, d -> {}, NO_COLLECTION);

        assertThat(profiler.commands).containsExactly("start,event=cpu,interval=20ms", "stop",
                "collapsed,dot" + ProfileRun.WITHOUT_PRECOG, "flamegraph,dot" + ProfileRun.WITHOUT_PRECOG + ",file=" + target + ".partial");
        assertThat(r.source()).isEqualTo("async-profiler cpu");
        assertThat(r.fallback()).isNull();
        assertThat(r.profiledAt()).isNotNull();
        assertThat(r.samples()).isEqualTo(10);
        assertThat(r.topStacks().get(0).frames()).containsExactly("Hot.spin", "Main.main");
        assertThat(r.topStacks().get(0).share()).isEqualTo(0.9);
        assertThat(r.flameGraph()).isEqualTo(target.toAbsolutePath().toString());
        assertThat(target).hasContent("<html>");
        assertThat(dir.resolve("precog-profile-1-cpu.html.partial")).doesNotExist();
    }

    @Test
    void bothDumpsLeavePrecogsOwnStacksOutButNotThePoolHooksInTheApplicationsCalls() throws Exception {
        FakeProfiler profiler = new FakeProfiler(false);

        ProfileRun.run(profiler, ProfileMode.ALLOC, Duration.ofSeconds(1), dir.resolve("a.html"), true, d -> {}, NO_COLLECTION);

        assertThat(profiler.commands).filteredOn(c -> c.startsWith("collapsed") || c.startsWith("flamegraph")).hasSize(2)
                .allSatisfy(c -> assertThat(c).contains(",exclude=dev.precog.agent.*", ",exclude=dev.precog.analyzer.*",
                        ",exclude=dev.precog.model.*", ",exclude=dev.precog.host.*").doesNotContain("bootstrap"));
    }

    @Test
    void refusedPerfEventsFallBackToItimerAndSaySo() throws Exception {
        FakeProfiler profiler = new FakeProfiler(true);

        ProfileResult r = ProfileRun.run(profiler, ProfileMode.CPU, Duration.ofSeconds(1), dir.resolve("f.html"), true, d -> {}, NO_COLLECTION);

        assertThat(profiler.commands.subList(0, 2)).containsExactly("start,event=cpu,interval=20ms", "start,event=itimer,interval=20ms");
        assertThat(r.source()).isEqualTo("async-profiler itimer");
        assertThat(r.mode()).isEqualTo("itimer");
        assertThat(r.fallback()).contains("perf events not allowed", "Perf events unavailable", "itimer used");
    }

    @Test
    void aKernelWithoutPerfEventsGetsItimerWithoutTryingCpu() throws Exception {
        FakeProfiler profiler = new FakeProfiler(false);

        ProfileResult r = ProfileRun.run(profiler, ProfileMode.CPU, Duration.ofSeconds(1), dir.resolve("f.html"), false, d -> {}, NO_COLLECTION);

        assertThat(profiler.commands.get(0)).isEqualTo("start,event=itimer,interval=20ms");
        assertThat(r.fallback()).contains("no perf events");
    }

    @Test
    void otherModesStartWithTheirOwnEvent() throws Exception {
        FakeProfiler profiler = new FakeProfiler(true);

        assertThat(ProfileRun.run(profiler, ProfileMode.LOCK, Duration.ofSeconds(1), dir.resolve("l.html"), true, d -> {},
                NO_COLLECTION).source()).isEqualTo("async-profiler lock");
        assertThat(ProfileRun.run(profiler, ProfileMode.LIVE_ALLOC, Duration.ofSeconds(1), dir.resolve("a.html"), true, d -> {},
                () -> new FullCollection.Outcome(1L, null)).source()).isEqualTo("async-profiler alloc live");
        assertThat(profiler.commands).contains("start,event=lock,lock=1ms", "start,event=alloc,alloc=1m,live");
    }

    @Test
    void aStopDuringTheRunStillStopsTheProfiler() {
        FakeProfiler profiler = new FakeProfiler(false);

        assertThatThrownBy(() -> ProfileRun.run(profiler, ProfileMode.CPU, Duration.ofSeconds(10), dir.resolve("f.html"), true,
                d -> {
                    throw new InterruptedException();
                }, NO_COLLECTION)).isInstanceOf(InterruptedException.class);
        assertThat(profiler.commands).containsExactly("start,event=cpu,interval=20ms", "stop");
    }

    @Test
    void anAllocLiveRunCollectsBeforeItStopsSoOnlyWhatSurvivedCountsAsLive() throws Exception {
        FakeProfiler profiler = new FakeProfiler(false);

        ProfileResult r = ProfileRun.run(profiler, ProfileMode.LIVE_ALLOC, Duration.ofSeconds(1), dir.resolve("a.html"), true,
                d -> {}, () -> {
                    profiler.commands.add("(full collection)");
                    return new FullCollection.Outcome(42L, null);
                });

        assertThat(profiler.commands.subList(0, 3)).containsExactly("start,event=alloc,alloc=1m,live", "(full collection)", "stop");
        assertThat(r.fullGcMillis()).isEqualTo(42L);
        assertThat(r.fallback()).isNull();
        assertThat(r.toEvidence()).containsEntry("fullGcMillis", 42L);
    }

    @Test
    void explicitCollectionsDisabledAreSaidInTheFallback() throws Exception {
        FakeProfiler profiler = new FakeProfiler(false);

        ProfileResult r = ProfileRun.run(profiler, ProfileMode.LIVE_ALLOC, Duration.ofSeconds(1), dir.resolve("a.html"), true,
                d -> {}, () -> new FullCollection.Outcome(null, "-XX:+DisableExplicitGC: no collection"));

        assertThat(r.source()).isEqualTo("async-profiler alloc live");
        assertThat(r.fullGcMillis()).isNull();
        assertThat(r.fallback()).startsWith("-XX:+DisableExplicitGC");
    }
}
