package dev.precog.analyzer.detect;

/** Telling the application's own classes from the platform's, and readable array names. */
final class JavaTypes {

    private static final String[] PLATFORM_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

    private JavaTypes() {}

    /** True for classes of the JDK and for arrays of primitives. */
    static boolean isPlatform(String className) {
        String element = className.endsWith("[]") ? className.substring(0, className.indexOf('[')) : className;
        if (!element.contains(".")) {
            return true;
        }
        for (String prefix : PLATFORM_PREFIXES) {
            if (element.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Lambdas and other hidden classes: generated, so never what a developer would fix. */
    static boolean isHidden(String className) {
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
