package dev.precog.model;

/**
 * A class and the allocation weight JFR's allocation samples attributed to it in a window, with
 * the allocation site (first application frame, {@code Class.method:line}) that weighed most,
 * or null when stacks were not recorded. CPU samples use the same shape: a method or a thread,
 * its execution samples as weight, and the thread or method seen most with it as the site.
 */
public record ClassWeight(String className, long bytes, long samples, String site) {

    /** Without a known allocation site. */
    public ClassWeight(String className, long bytes, long samples) {
        this(className, bytes, samples, null);
    }
}
