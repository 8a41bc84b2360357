package dev.precog.analyzer.jfr;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JFR event settings made cheaper by a factor: longer thresholds and periods, a lower throttle rate. */
public final class JfrSettingValues {

    private static final Pattern TIMESPAN = Pattern.compile("(\\d+)\\s*(ns|us|ms|s|m|h|d)");
    private static final Pattern RATE = Pattern.compile("(\\d+)\\s*/\\s*(ns|us|ms|s|m|h|d)");

    private JfrSettingValues() {}

    /**
     * The settings with every threshold and period multiplied by {@code factor} and every throttle
     * rate divided by it (at least one event per unit). Other settings, and values in another form
     * ({@code everyChunk}, {@code off}, a zero threshold), are kept as they are.
     */
    public static Map<String, String> lowered(Map<String, String> settings, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1: " + factor);
        }
        Map<String, String> out = new LinkedHashMap<>();
        settings.forEach((key, value) -> out.put(key, lowered(key, value, factor)));
        return out;
    }

    private static String lowered(String key, String value, int factor) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (key.equals("throttle")) {
            Matcher m = RATE.matcher(v);
            return m.matches() ? Math.max(1, Long.parseLong(m.group(1)) / factor) + "/" + m.group(2) : value;
        }
        if (key.equals("threshold") || key.equals("period")) {
            Matcher m = TIMESPAN.matcher(v);
            return m.matches() ? Math.multiplyExact(Long.parseLong(m.group(1)), factor) + " " + m.group(2) : value;
        }
        return value;
    }
}
