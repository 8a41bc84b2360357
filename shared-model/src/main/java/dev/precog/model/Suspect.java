package dev.precog.model;

import java.util.List;

/**
 * What a finding points at: a class to look at, why it is named ({@code basis}), its share of
 * that evidence where one applies, how much it grew where that is known, and the top frames of
 * where it comes from.
 *
 * @param growthInstances instances added over the evidence's time span, null when unknown
 * @param growthBytes bytes (shallow) added over the evidence's time span, null when unknown
 */
public record Suspect(
        String className,
        String basis,
        Double share,
        List<String> stackTop,
        String detail,
        Long growthInstances,
        Long growthBytes) {

    public Suspect {
        stackTop = stackTop == null ? List.of() : List.copyOf(stackTop);
    }

    /** A suspect without growth figures. */
    public Suspect(String className, String basis, Double share, List<String> stackTop, String detail) {
        this(className, basis, share, stackTop, detail, null, null);
    }
}
