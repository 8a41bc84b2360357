package dev.precog.analyzer.report;

import dev.precog.model.Forecast;
import dev.precog.model.ForecastPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One forecast drawn as inline SVG: the point forecast from the current value, its 95% and 80%
 * bands, and the threshold when it lies within reach of the chart. Inline so the report is one
 * file that opens anywhere, with no script and nothing fetched.
 */
final class ForecastChart {

    static final int WIDTH = 360;
    static final int HEIGHT = 120;
    private static final int PAD = 4;

    private ForecastChart() {}

    /** The chart of {@code f} from {@code origin}, the last data it was fitted on; empty when it has no points. */
    static String svg(Forecast f, Instant origin) {
        List<ForecastPoint> points = f.points();
        if (points.isEmpty()) {
            return "";
        }
        int n = points.size() + 1;
        double[] t = new double[n];
        double[] value = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        double[] low80 = new double[n];
        double[] high80 = new double[n];
        value[0] = low[0] = high[0] = low80[0] = high80[0] = f.currentValue();
        for (int i = 1; i < n; i++) {
            ForecastPoint p = points.get(i - 1);
            t[i] = Math.max(0, Duration.between(origin, p.at()).toMillis() / 1000.0);
            value[i] = p.value();
            low[i] = p.low();
            high[i] = p.high();
            low80[i] = p.low80();
            high80[i] = p.high80();
        }
        double min = Arrays.stream(low).min().orElseThrow();
        double max = Arrays.stream(high).max().orElseThrow();
        // the threshold is drawn when it is no further above the bands than they are tall
        boolean showThreshold = f.threshold() >= min - (max - min) && f.threshold() <= max + (max - min);
        if (showThreshold) {
            min = Math.min(min, f.threshold());
            max = Math.max(max, f.threshold());
        }
        if (max - min <= 0) {
            max = min + Math.max(1e-9, Math.abs(min) * 0.01);
        }
        Scale s = new Scale(t[n - 1] > 0 ? t[n - 1] : 1, min, max);
        StringBuilder svg = new StringBuilder(2048);
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"forecast of ",
                WIDTH, HEIGHT, WIDTH, HEIGHT)).append(Html.escape(f.metric())).append("\">");
        svg.append("<polygon class=\"band95\" points=\"").append(band(s, t, low, high)).append("\"/>");
        svg.append("<polygon class=\"band80\" points=\"").append(band(s, t, low80, high80)).append("\"/>");
        svg.append("<polyline class=\"point\" points=\"").append(line(s, t, value)).append("\"/>");
        if (showThreshold) {
            double y = s.y(f.threshold());
            svg.append(String.format(Locale.ROOT, "<line class=\"threshold\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
                    PAD, y, WIDTH - PAD, y));
        }
        return svg.append("</svg>").toString();
    }

    private static String band(Scale s, double[] t, double[] low, double[] high) {
        StringBuilder b = new StringBuilder(line(s, t, high));
        for (int i = t.length - 1; i >= 0; i--) {
            b.append(' ').append(s.point(t[i], low[i]));
        }
        return b.toString();
    }

    private static String line(Scale s, double[] t, double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.length; i++) {
            b.append(i == 0 ? "" : " ").append(s.point(t[i], v[i]));
        }
        return b.toString();
    }

    /** Seconds ahead and values to the chart's pixels, larger values higher. */
    private record Scale(double span, double min, double max) {

        double x(double seconds) {
            return PAD + (WIDTH - 2 * PAD) * seconds / span;
        }

        double y(double value) {
            return HEIGHT - PAD - (HEIGHT - 2 * PAD) * (value - min) / (max - min);
        }

        String point(double seconds, double value) {
            return String.format(Locale.ROOT, "%.1f,%.1f", x(seconds), y(value));
        }
    }
}
