package dev.precog.model;

import java.util.List;

/**
 * What a finding points at: a class to look at, why it is named ({@code basis}), its share of
 * that evidence where one applies, and the top frames of where it comes from.
 */
public record Suspect(String className, String basis, Double share, List<String> stackTop, String detail) {

    public Suspect {
        stackTop = stackTop == null ? List.of() : List.copyOf(stackTop);
    }
}
