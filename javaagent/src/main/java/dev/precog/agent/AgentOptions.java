package dev.precog.agent;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's options, from {@code -javaagent:precog-agent.jar=key=value,key=value}.
 *
 * @param reportDir where {@code precog-report-<pid>.json} is written
 * @param interval how often the report is replaced
 * @param window length of one aggregation window
 * @param hostInterval how often host metrics are sampled
 * @param debug whether the agent reports its own errors on stderr
 * @param threadPools whether ThreadPoolExecutor is instrumented for queue depth and queue wait
 * @param heapDumpAuto whether the agent takes one heap dump by itself ({@code heapDump=auto})
 * @param heapDumpBefore with {@code heapDump=auto}: dump once the heap is forecast to run out within this time
 * @param asyncProfiler whether confident CPU, lock, allocation and leak findings get a short async-profiler run
 * @param profileDuration how long one async-profiler run lasts
 * @param overheadBudget the CPU the agent allows itself, as a share of one core (0.01 for 1%)
 * @param overheadPeriod the span its cost is measured and judged over; the first one after start is warm-up
 * @param oshiHostMetrics whether host metrics come from OSHI on Linux too ({@code hostMetrics=oshi}) rather than /proc
 * @param chunkRotation the least time between two JFR chunks the agent ends to bound its stream parser's memory;
 *     null when it ends none ({@code chunkRotation=off})
 */
public record AgentOptions(Path reportDir, Duration interval, Duration window, Duration hostInterval, boolean debug,
        boolean threadPools, boolean heapDumpAuto, Duration heapDumpBefore, boolean asyncProfiler, Duration profileDuration,
        double overheadBudget, Duration overheadPeriod, boolean oshiHostMetrics, Duration chunkRotation) {

    /** Every key, with the form of its value, as shown to a user who typed a wrong one. */
    static final Map<String, String> KEYS = keys();

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Duration MIN_WINDOW = Duration.ofSeconds(1);
    private static final Duration MAX_WINDOW = Duration.ofMinutes(10);
    private static final Duration MIN_HOST_INTERVAL = Duration.ofMillis(100);
    private static final Duration MIN_HEAP_DUMP_BEFORE = Duration.ofMinutes(1);
    private static final Duration MIN_PROFILE = Duration.ofSeconds(1);
    /** A run holds signal handlers in someone else's JVM: a minute is plenty for top stacks. */
    private static final Duration MAX_PROFILE = Duration.ofSeconds(60);
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*%?");
    private static final double DEFAULT_OVERHEAD_BUDGET = 0.01;
    /** A level is judged on at least 10 s of measurement, so the period cannot be shorter. */
    private static final Duration MIN_OVERHEAD_PERIOD = Duration.ofSeconds(10);
    private static final Duration MAX_OVERHEAD_PERIOD = Duration.ofMinutes(10);
    /** Ending a chunk takes 13 to 46 ms of the agent's thread: not more often than this. */
    private static final Duration MIN_CHUNK_ROTATION = Duration.ofSeconds(10);
    private static final Duration MAX_CHUNK_ROTATION = Duration.ofHours(1);

    private static Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("reportDir", "a directory (default: the working directory)");
        k.put("interval", "a duration such as 30s or 5m (default 30s)");
        k.put("window", "a duration from 1s to 10m (default 10s)");
        k.put("hostInterval", "a duration such as 1s or 500ms (default 1s)");
        k.put("debug", "true or false (default false)");
        k.put("threadPools", "true or false (default true)");
        k.put("heapDump", "off or auto: take one heap dump by itself when a leak will fill the heap within heapDumpBefore"
                + " (default off)");
        k.put("heapDumpBefore", "a duration such as 30m or 2h, at least 1m (default 30m)");
        k.put("asyncProfiler", "off or on: profile confident CPU, lock, allocation and leak findings with async-profiler,"
                + " a native library (default off)");
        k.put("profileDuration", "a duration from 1s to 60s: how long one async-profiler run lasts (default 10s)");
        k.put("overheadBudget", "a percentage of one core above 0% and at most 100%, such as 0.5% or 2%: the CPU the agent"
                + " allows itself before it samples less (default 1%)");
        k.put("overheadPeriod", "a duration from 10s to 10m: the agent's cost is measured and judged over this span,"
                + " and the first one after start is warm-up, not judged (default 1m)");
        k.put("hostMetrics", "auto or oshi: auto reads host and process metrics from /proc with the JDK alone on Linux and"
                + " through OSHI (a native library, over JNA) elsewhere; oshi uses OSHI on Linux too (default auto)");
        k.put("chunkRotation", "a duration from 10s to 1h, or off: the least time between two JFR chunks the agent ends so"
                + " that its stream's parser lets go of stack traces; each end adds two chunks to every other recording in"
                + " the JVM (default 10s)");
        return k;
    }

    public static AgentOptions defaults() {
        return new AgentOptions(Path.of(""), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1), false, true,
                false, Duration.ofMinutes(30), false, Duration.ofSeconds(10), DEFAULT_OVERHEAD_BUDGET, Duration.ofMinutes(1),
                false, MIN_CHUNK_ROTATION);
    }

    /** The same options writing to {@code dir}. */
    public AgentOptions withReportDir(Path dir) {
        return new AgentOptions(dir, interval, window, hostInterval, debug, threadPools, heapDumpAuto, heapDumpBefore,
                asyncProfiler, profileDuration, overheadBudget, overheadPeriod, oshiHostMetrics, chunkRotation);
    }

    /**
     * Parses the option string; null or empty means all defaults.
     *
     * @throws OptionsException naming the bad key or value and the valid choices
     */
    public static AgentOptions parse(String text) throws OptionsException {
        AgentOptions o = defaults();
        if (text == null || text.isBlank()) {
            return o;
        }
        Path reportDir = o.reportDir();
        Duration interval = o.interval();
        Duration window = o.window();
        Duration hostInterval = o.hostInterval();
        boolean debug = o.debug();
        boolean threadPools = o.threadPools();
        boolean heapDumpAuto = o.heapDumpAuto();
        Duration heapDumpBefore = o.heapDumpBefore();
        boolean asyncProfiler = o.asyncProfiler();
        Duration profileDuration = o.profileDuration();
        double overheadBudget = o.overheadBudget();
        Duration overheadPeriod = o.overheadPeriod();
        boolean oshiHostMetrics = o.oshiHostMetrics();
        Duration chunkRotation = o.chunkRotation();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).trim();
            String value = eq < 0 ? "" : pair.substring(eq + 1).trim();
            if (!KEYS.containsKey(key)) {
                throw new OptionsException("unknown option '" + key + "'; valid options are " + String.join(", ", KEYS.keySet()));
            }
            if (eq < 0 || value.isEmpty()) {
                throw new OptionsException("option '" + key + "' needs a value: " + KEYS.get(key));
            }
            switch (key) {
                case "reportDir" -> reportDir = path(value);
                case "interval" -> interval = duration(key, value);
                case "window" -> window = duration(key, value);
                case "hostInterval" -> hostInterval = duration(key, value);
                case "debug" -> debug = bool(key, value);
                case "threadPools" -> threadPools = bool(key, value);
                case "heapDump" -> heapDumpAuto = heapDumpMode(value);
                case "heapDumpBefore" -> heapDumpBefore = duration(key, value);
                case "asyncProfiler" -> asyncProfiler = onOff(key, value);
                case "profileDuration" -> profileDuration = duration(key, value);
                case "overheadBudget" -> overheadBudget = shareOfOneCore(key, value);
                case "overheadPeriod" -> overheadPeriod = duration(key, value);
                case "hostMetrics" -> oshiHostMetrics = hostMetricsFromOshi(value);
                case "chunkRotation" -> chunkRotation = "off".equalsIgnoreCase(value) ? null : duration(key, value);
                default -> throw new IllegalStateException(key);
            }
        }
        if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new OptionsException("bad value '" + format(window) + "' for window: expected " + KEYS.get("window"));
        }
        if (interval.compareTo(window) < 0) {
            throw new OptionsException("bad value '" + format(interval) + "' for interval: it must not be shorter than window ("
                    + format(window) + ")");
        }
        if (hostInterval.compareTo(MIN_HOST_INTERVAL) < 0) {
            throw new OptionsException("bad value '" + format(hostInterval) + "' for hostInterval: expected at least 100ms");
        }
        if (heapDumpBefore.compareTo(MIN_HEAP_DUMP_BEFORE) < 0) {
            throw new OptionsException("bad value '" + format(heapDumpBefore) + "' for heapDumpBefore: expected at least 1m,"
                    + " since a dump needs time before the heap is full");
        }
        if (profileDuration.compareTo(MIN_PROFILE) < 0 || profileDuration.compareTo(MAX_PROFILE) > 0) {
            throw new OptionsException("bad value '" + format(profileDuration) + "' for profileDuration: expected "
                    + KEYS.get("profileDuration"));
        }
        if (overheadPeriod.compareTo(MIN_OVERHEAD_PERIOD) < 0 || overheadPeriod.compareTo(MAX_OVERHEAD_PERIOD) > 0) {
            throw new OptionsException("bad value '" + format(overheadPeriod) + "' for overheadPeriod: expected "
                    + KEYS.get("overheadPeriod"));
        }
        if (chunkRotation != null
                && (chunkRotation.compareTo(MIN_CHUNK_ROTATION) < 0 || chunkRotation.compareTo(MAX_CHUNK_ROTATION) > 0)) {
            throw new OptionsException("bad value '" + format(chunkRotation) + "' for chunkRotation: expected "
                    + KEYS.get("chunkRotation"));
        }
        return new AgentOptions(reportDir, interval, window, hostInterval, debug, threadPools, heapDumpAuto, heapDumpBefore,
                asyncProfiler, profileDuration, overheadBudget, overheadPeriod, oshiHostMetrics, chunkRotation);
    }

    private static boolean onOff(String key, String value) throws OptionsException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new OptionsException("bad value '" + value + "' for " + key + ": expected " + KEYS.get(key));
        };
    }

    /** A percentage such as {@code 0.5%} (the sign may be left out) as a share: 0.005. */
    private static double shareOfOneCore(String key, String value) throws OptionsException {
        Matcher m = PERCENT.matcher(value);
        if (!m.matches()) {
            throw new OptionsException("bad value '" + value + "' for " + key + ": expected " + KEYS.get(key));
        }
        BigDecimal percent = new BigDecimal(m.group(1));
        if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new OptionsException("bad value '" + value + "' for " + key + ": " + (percent.signum() <= 0
                    ? "a budget of nothing cannot be kept" : "more than one core is no budget") + "; expected " + KEYS.get(key));
        }
        return percent.movePointLeft(2).doubleValue();
    }

    /** A share of one core as the option writes it: 0.005 is {@code 0.5%}. */
    static String formatPercent(double share) {
        return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static boolean hostMetricsFromOshi(String value) throws OptionsException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "oshi" -> true;
            case "auto" -> false;
            default -> throw new OptionsException("bad value '" + value + "' for hostMetrics: expected " + KEYS.get("hostMetrics"));
        };
    }

    private static boolean heapDumpMode(String value) throws OptionsException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "auto" -> true;
            case "off" -> false;
            default -> throw new OptionsException("bad value '" + value + "' for heapDump: expected " + KEYS.get("heapDump"));
        };
    }

    private static Duration duration(String key, String value) throws OptionsException {
        return parseDuration(key, value, KEYS.get(key));
    }

    /**
     * Parses a duration such as {@code 30s}, {@code 5m}, {@code 500ms} or {@code 1h}.
     *
     * @param name what the value is for, named in the error
     * @param expected the expected form, shown in the error
     */
    public static Duration parseDuration(String name, String value, String expected) throws OptionsException {
        Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new OptionsException("bad value '" + value + "' for " + name + ": expected " + expected);
        }
        try {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            throw new OptionsException("bad value '" + value + "' for " + name + ": too large; expected " + expected);
        }
    }

    private static boolean bool(String key, String value) throws OptionsException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new OptionsException("bad value '" + value + "' for " + key + ": expected " + KEYS.get(key));
        };
    }

    private static Path path(String value) throws OptionsException {
        if (value.contains(",")) {
            // unreachable from the option string itself, but a path handed on by attach may hold one
            throw new OptionsException("bad value '" + value + "' for reportDir: a comma cannot be passed in agent options");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new OptionsException("bad value '" + value + "' for reportDir: not a valid path (" + e.getReason() + ")");
        }
    }

    static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /**
     * The options back in agent syntax, for passing on (e.g. from attach to the target JVM).
     *
     * @throws OptionsException when the report directory holds a comma, which the syntax cannot carry
     */
    public String toAgentString() throws OptionsException {
        if (reportDir.toString().contains(",")) {
            throw new OptionsException("the report directory " + reportDir
                    + " holds a comma, which agent options cannot carry; choose another reportDir");
        }
        // the default (the working directory) is an empty path, which the syntax cannot carry as a value
        String dir = reportDir.toString().isEmpty() ? "" : "reportDir=" + reportDir + ",";
        return dir + "interval=" + format(interval) + ",window=" + format(window)
                + ",hostInterval=" + format(hostInterval) + ",debug=" + debug + ",threadPools=" + threadPools
                + ",heapDump=" + (heapDumpAuto ? "auto" : "off") + ",heapDumpBefore=" + format(heapDumpBefore)
                + ",asyncProfiler=" + (asyncProfiler ? "on" : "off") + ",profileDuration=" + format(profileDuration)
                + ",overheadBudget=" + formatPercent(overheadBudget) + ",overheadPeriod=" + format(overheadPeriod)
                + ",hostMetrics=" + (oshiHostMetrics ? "oshi" : "auto")
                + ",chunkRotation=" + (chunkRotation == null ? "off" : format(chunkRotation));
    }
}
