package dev.precog.analyzer.jfr;

import dev.precog.analyzer.evidence.HeapEvidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers what jdk.OldObjectSample events say (objects sampled at allocation and still alive
 * when the recording was dumped): per class, how many, and the application frame that allocated
 * most of them. Bounded to a fixed number of classes and of sites per class.
 */
public final class OldObjectCollector {

    private static final int MAX_CLASSES = 500;
    private static final int STACK_TOP = 5;
    private static final int MAX_SITES = 8;

    private final Map<String, Tally> byClass = new HashMap<>();

    /**
     * @param frames the allocation stack, innermost first
     * @param allocatedBy the first application frame in it, or null
     */
    synchronized void add(String className, List<String> frames, String allocatedBy) {
        Tally t = byClass.get(className);
        if (t == null) {
            if (byClass.size() >= MAX_CLASSES) {
                return;
            }
            t = new Tally();
            byClass.put(className, t);
        }
        t.samples++;
        if (allocatedBy != null && (t.sites.containsKey(allocatedBy) || t.sites.size() < MAX_SITES)) {
            int[] count = t.sites.computeIfAbsent(allocatedBy, k -> new int[1]);
            if (++count[0] > t.topCount) {
                t.topCount = count[0];
                // the stack shown starts at the application frame: JDK frames above it (ArrayList.grow) say little
                int from = Math.max(0, frames.indexOf(allocatedBy));
                t.stackTop = List.copyOf(frames.subList(from, Math.min(frames.size(), from + STACK_TOP)));
                t.allocatedBy = allocatedBy;
            }
        }
    }

    /** The classes seen, most samples first. */
    public synchronized List<HeapEvidence.OldObjectClass> classes() {
        List<HeapEvidence.OldObjectClass> out = new ArrayList<>();
        byClass.forEach((name, t) -> out.add(new HeapEvidence.OldObjectClass(name, t.samples, t.allocatedBy, t.stackTop)));
        out.sort(Comparator.comparingLong(HeapEvidence.OldObjectClass::samples).reversed());
        return out;
    }

    /** Per class: samples, and its most frequent application allocation site with that site's stack. */
    private static final class Tally {
        final Map<String, int[]> sites = new HashMap<>();
        long samples;
        int topCount;
        String allocatedBy;
        List<String> stackTop = List.of();
    }
}
