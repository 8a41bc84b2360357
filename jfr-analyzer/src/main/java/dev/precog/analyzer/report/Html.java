package dev.precog.analyzer.report;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.MathContext;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds HTML text with everything that came from the application escaped: class names such as
 * {@code Map<K,V>}, thread names and commands with {@code <pid>} are data, never markup.
 */
final class Html {

    /** Past this many characters a value is cut: an evidence list of thousands would bury the page. */
    static final int MAX_VALUE_CHARS = 2000;

    private final StringBuilder out;

    Html(StringBuilder out) {
        this.out = out;
    }

    /** Appends markup written here, not escaped. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends {@code text} escaped; null as an en dash. */
    Html text(Object text) {
        out.append(text == null ? "–" : escape(String.valueOf(text)));
        return this;
    }

    /** {@code <tag>text</tag>}, text escaped. */
    Html element(String tag, Object text) {
        return raw("<" + tag + ">").text(text).raw("</" + tag + ">");
    }

    /** A table row of header and value cells, values escaped. */
    Html row(String header, Object value) {
        return raw("<tr><th>").text(header).raw("</th><td>").text(value).raw("</td></tr>\n");
    }

    /** A table row of a header and a command or flag, both escaped, the value as code. */
    Html codeRow(String header, String code) {
        return raw("<tr><th>").text(header).raw("</th><td><code>").text(code).raw("</code></td></tr>\n");
    }

    /**
     * An evidence value: nested maps as tables, lists as lists, records by their components,
     * anything else as text.
     */
    Html value(Object v) {
        if (v instanceof Map<?, ?> map) {
            raw("<table class=\"nested\">");
            map.forEach((k, x) -> {
                raw("<tr><th>").text(k).raw("</th><td>");
                entry(String.valueOf(k), x);
                raw("</td></tr>");
            });
            return raw("</table>");
        }
        if (v != null && v.getClass().isArray()) {
            List<Object> elements = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                elements.add(Array.get(v, i));
            }
            v = elements;
        }
        if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                return text("none");
            }
            raw("<ul>");
            int shown = 0;
            for (Object x : list) {
                if (shown++ == 20) {
                    raw("<li>").text("… " + (list.size() - 20) + " more (all in the JSON report)").raw("</li>");
                    break;
                }
                raw("<li>");
                value(x);
                raw("</li>");
            }
            return raw("</ul>");
        }
        if (v instanceof Record r) {
            raw("<table class=\"nested\">");
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                raw("<tr><th>").text(c.getName()).raw("</th><td>");
                value(JsonWriter.componentValue(c, r));
                raw("</td></tr>");
            }
            return raw("</table>");
        }
        if (v instanceof Double || v instanceof Float) {
            return text(number(((Number) v).doubleValue()));
        }
        String s = String.valueOf(v);
        return text(s.length() > MAX_VALUE_CHARS ? s.substring(0, MAX_VALUE_CHARS) + " …" : s);
    }

    /**
     * The value of evidence entry {@code key}: a flame graph's path (async-profiler evidence, written
     * beside the report) as a link by its file name, so the page and its flame graphs move together;
     * anything else as {@link #value}.
     */
    Html entry(String key, Object v) {
        if ("flameGraph".equals(key) && v instanceof String path) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            return raw("<a href=\"").text(name).raw("\">").text(path).raw("</a>");
        }
        return value(v);
    }

    /** A number as a person reads it: whole numbers whole, others to six significant digits, never in E notation. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return String.valueOf(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** {@code s} with the five characters that mean something in HTML text and attributes replaced. */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String entity = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (entity != null) {
                    b.append(entity);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
