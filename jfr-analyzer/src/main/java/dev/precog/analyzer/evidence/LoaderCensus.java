package dev.precog.analyzer.evidence;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Tallies loaded classes by class-loader type into a {@link Census}: under the loader's class
 * name, the classes its instances define; under {@link #loadersKey}, how many of its instances
 * define any. The live agent (from the loaded classes) and the offline reader (from
 * jdk.ClassLoaderStatistics) both build it, so the detector reads one shape.
 */
public final class LoaderCensus {

    /** The census name of the bootstrap loader, which has no class of its own. */
    public static final String BOOTSTRAP = "bootstrap";
    /** Not a legal character in a Java class name, so a loader count never collides with a type. */
    private static final String LOADERS_SUFFIX = "#loaders";

    private final Map<String, Long> counts = new HashMap<>();

    /** Counts one loader instance of {@code type} (a class name, or {@link #BOOTSTRAP}) defining {@code classes}. */
    public LoaderCensus add(String type, long classes) {
        counts.merge(type, classes, Long::sum);
        counts.merge(loadersKey(type), 1L, Long::sum);
        return this;
    }

    public Census at(Instant at) {
        return new Census(at, counts);
    }

    /** The census key under which loader instances of {@code type} are counted. */
    public static String loadersKey(String type) {
        return type + LOADERS_SUFFIX;
    }

    /** True for a key counting loader instances rather than classes. */
    public static boolean isLoadersKey(String key) {
        return key.endsWith(LOADERS_SUFFIX);
    }
}
