package dev.precog.analyzer.jfr;

import dev.precog.analyzer.evidence.HeapEvidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers what jdk.OldObjectSample events say (objects sampled at allocation and still alive
 * when the recording was dumped): per class, how many, and which application frame allocated
 * them. Bounded to a fixed number of classes.
 */
public final class OldObjectCollector {

    private static final int MAX_CLASSES = 500;
    private static final int STACK_TOP = 5;

    private final Map<String, Tally> byClass = new HashMap<>();

    synchronized void add(String className, List<String> frames, String allocatedBy) {
        Tally t = byClass.get(className);
        if (t == null) {
            if (byClass.size() >= MAX_CLASSES) {
                return;
            }
            t = new Tally(frames.subList(0, Math.min(STACK_TOP, frames.size())), allocatedBy);
            byClass.put(className, t);
        }
        t.samples++;
    }

    /** The classes seen, most samples first. */
    public synchronized List<HeapEvidence.OldObjectClass> classes() {
        List<HeapEvidence.OldObjectClass> out = new ArrayList<>();
        byClass.forEach((name, t) -> out.add(new HeapEvidence.OldObjectClass(name, t.samples, t.allocatedBy, t.stackTop)));
        out.sort(Comparator.comparingLong(HeapEvidence.OldObjectClass::samples).reversed());
        return out;
    }

    private static final class Tally {
        final List<String> stackTop;
        final String allocatedBy;
        long samples;

        Tally(List<String> stackTop, String allocatedBy) {
            this.stackTop = List.copyOf(stackTop);
            this.allocatedBy = allocatedBy;
        }
    }
}
