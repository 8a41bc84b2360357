package dev.precog.agent.profiler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a finding's {@code evidence.profile} says: the source of its stack evidence, and for an
 * async-profiler run its mode, length, sample count, heaviest stacks and flame graph.
 *
 * @param source "async-profiler cpu" (perf events), "async-profiler itimer", "async-profiler lock", … or the JFR source used instead
 * @param fallback why async-profiler (or perf events) was not used, or null
 * @param mode the async-profiler mode that ran, or null when none did
 * @param profiledAt when the run started (ISO-8601), or null
 * @param durationSeconds how long it ran, or null
 * @param samples the samples it collected, or null
 * @param topStacks its heaviest stacks, leaf first; empty without a run
 * @param flameGraph the absolute path of the flame graph HTML, or null
 * @param fullGcMillis the pause of the full collection an alloc-live run asked for before it stopped
 *     ({@link FullCollection}); null in other modes, or when it was skipped
 */
record ProfileResult(String source, String fallback, String mode, String profiledAt, Double durationSeconds, Long samples,
        List<CollapsedStacks.TopStack> topStacks, String flameGraph, Long fullGcMillis) {

    ProfileResult {
        topStacks = List.copyOf(topStacks);
    }

    /** No async-profiler run: the finding's JFR evidence stands, and {@code why} says why. */
    static ProfileResult jfr(ProfileMode mode, String why) {
        return new ProfileResult(mode.jfrSource(), why, null, null, null, null, List.of(), null, null);
    }

    /** The report's form, every key present (null when unknown), like the rest of the report. */
    Map<String, Object> toEvidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("fallback", fallback);
        m.put("mode", mode);
        m.put("profiledAt", profiledAt);
        m.put("durationSeconds", durationSeconds);
        m.put("samples", samples);
        m.put("topStacks", topStacks.stream().map(s -> {
            Map<String, Object> stack = new LinkedHashMap<>();
            stack.put("frames", s.frames());
            stack.put("samples", s.samples());
            stack.put("share", s.share());
            return Collections.unmodifiableMap(stack);
        }).toList());
        m.put("flameGraph", flameGraph);
        m.put("fullGcMillis", fullGcMillis);
        return Collections.unmodifiableMap(m);
    }
}
