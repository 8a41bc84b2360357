package dev.precog.analyzer.detect;

import java.util.List;

/** Telling the application's own classes from the platform's, and readable array names. */
public final class JavaTypes {

    // Precog's own packages count as platform: the agent's classes are never the application's leak.
    // dev.precog.demo is left out on purpose: it is the bundled demo application.
    private static final String[] JDK_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};
    private static final String[] PRECOG_PREFIXES = {
        "dev.precog.agent.", "dev.precog.analyzer.", "dev.precog.model.", "dev.precog.host."};

    private JavaTypes() {}

    /** True for classes of the JDK, of Precog itself, and for arrays of primitives. */
    public static boolean isPlatform(String className) {
        String element = className.endsWith("[]") ? className.substring(0, className.indexOf('[')) : className;
        if (!element.contains(".")) {
            return true;
        }
        return startsWithAny(element, JDK_PREFIXES) || startsWithAny(element, PRECOG_PREFIXES);
    }

    /**
     * The package prefixes (ending in a dot) of Precog's agent, analyzer, model and host collector:
     * code that runs only on the agent's own threads.
     */
    public static List<String> precogPackages() {
        return List.of(PRECOG_PREFIXES);
    }

    /** "JDK type" or "application type", for a suspect's detail. */
    static String role(String className) {
        return isPlatform(className) ? "JDK type" : "application type";
    }

    /**
     * Classes never named as suspects: generated ones (lambdas, hidden classes), which no developer
     * would fix, and Precog's own (its histograms and windows), which are not the application's.
     */
    static boolean neverASuspect(String className) {
        return isHidden(className) || startsWithAny(className, PRECOG_PREFIXES);
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Lambdas and other hidden classes: generated, so never what a developer would fix. */
    public static boolean isHidden(String className) {
        return className.contains("$$Lambda") || className.contains("/0x") || className.contains("+0x");
    }

    /** "[B" → "byte[]", "[[Ljava.lang.String;" → "java.lang.String[][]"; other names unchanged. */
    static String readable(String name) {
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return name;
        }
        String element = switch (name.charAt(dims)) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'L' -> name.substring(dims + 1, name.length() - 1);
            default -> name.substring(dims);
        };
        return element + "[]".repeat(dims);
    }
}
