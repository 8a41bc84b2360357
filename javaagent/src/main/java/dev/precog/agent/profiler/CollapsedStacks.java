package dev.precog.agent.profiler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * async-profiler's "collapsed" output ({@code root;caller;leaf count} per line) folded into whole
 * stacks with their sample counts: the same stack may come on several lines (interpreted and
 * compiled frames differ only in their hidden frame type), so equal frame lists are summed.
 */
final class CollapsedStacks {

    /** One stack with its samples and its share of all samples. Frames are leaf first, like a stack trace. */
    record TopStack(List<String> frames, long samples, double share) {

        TopStack {
            frames = List.copyOf(frames);
        }
    }

    private final Map<List<String>, Long> samplesByStack;
    private final long total;

    private CollapsedStacks(Map<List<String>, Long> samplesByStack, long total) {
        this.samplesByStack = samplesByStack;
        this.total = total;
    }

    /** Parses collapsed text; lines that do not end in a count are skipped. */
    static CollapsedStacks parse(String text) {
        Map<List<String>, Long> byStack = new LinkedHashMap<>();
        long total = 0;
        for (String line : text.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                continue;
            }
            long count;
            try {
                count = Long.parseLong(line.substring(space + 1).trim());
            } catch (NumberFormatException notACount) {
                continue;
            }
            List<String> frames = new ArrayList<>(Arrays.asList(line.substring(0, space).split(";")));
            Collections.reverse(frames);
            byStack.merge(List.copyOf(frames), count, Long::sum);
            total += count;
        }
        return new CollapsedStacks(byStack, total);
    }

    long totalSamples() {
        return total;
    }

    /** The {@code limit} heaviest stacks, each cut to its {@code maxFrames} innermost frames. */
    List<TopStack> top(int limit, int maxFrames) {
        return samplesByStack.entrySet().stream()
                .sorted(Map.Entry.<List<String>, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .map(e -> new TopStack(e.getKey().subList(0, Math.min(maxFrames, e.getKey().size())), e.getValue(),
                        total == 0 ? 0 : Math.round(e.getValue() * 1000.0 / total) / 1000.0))
                .toList();
    }
}
