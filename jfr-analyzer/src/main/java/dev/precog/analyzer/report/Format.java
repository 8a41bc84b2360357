package dev.precog.analyzer.report;

import dev.precog.model.Unit;
import java.time.Duration;
import java.util.Locale;

/** Human-readable sizes and durations for summaries. */
public final class Format {

    private Format() {}

    /** 1536 → "1.5 KB", binary units. */
    public static String bytes(double bytes) {
        double abs = Math.abs(bytes);
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        int u = 0;
        while (abs >= 1024 && u < units.length - 1) {
            abs /= 1024;
            u++;
        }
        double value = Math.signum(bytes) * abs;
        return u == 0
                ? String.format(Locale.ROOT, "%.0f %s", value, units[u])
                : String.format(Locale.ROOT, "%.1f %s", value, units[u]);
    }

    /** 3725 s → "1h02m", 95 s → "1m35s", 12 s → "12s". */
    public static String duration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return "never";
        }
        Duration d = Duration.ofSeconds(Math.max(0, Math.round(seconds)));
        if (d.toDays() > 0) {
            return String.format(Locale.ROOT, "%dd%02dh", d.toDays(), d.toHoursPart());
        }
        if (d.toHours() > 0) {
            return String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart());
        }
        if (d.toMinutes() > 0) {
            return String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
        }
        return d.getSeconds() + "s";
    }

    /** A report value in its unit, as the summaries and the report page show it: sizes, whole percentages, whole counts. */
    public static String value(double v, Unit unit) {
        return switch (unit) {
            case BYTES -> bytes(v);
            case RATIO -> percent(v);
            case COUNT -> String.format(Locale.ROOT, "%.0f", v);
            case MILLISECONDS -> String.format(Locale.ROOT, "%.0f ms", v);
        };
    }

    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    /** Rounds to {@code digits} decimals, for evidence numbers. */
    public static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
