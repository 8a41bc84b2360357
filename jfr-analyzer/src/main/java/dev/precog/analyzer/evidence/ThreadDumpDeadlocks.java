package dev.precog.analyzer.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deadlocks HotSpot lists in a thread dump ({@code jcmd <pid> Thread.print}, or JFR's
 * jdk.ThreadDump event): each "Found one Java-level deadlock" section names the threads, the
 * class of the monitor or ownable synchronizer each waits for, and who holds it, followed by
 * their stacks. Offline, this is how a recording tells of a deadlock.
 */
public final class ThreadDumpDeadlocks {

    static final String SECTION = "Found one Java-level deadlock:";
    private static final String STACKS = "Java stack information for the threads listed above:";
    static final int STACK_FRAMES = 5;

    private static final Pattern THREAD = Pattern.compile("^\"(.*)\":\\s*$");
    private static final Pattern WAITS_FOR = Pattern.compile("^\\s+waiting (?:to lock monitor|for ownable synchronizer)"
            + " .*\\ba ([^\\s),]+)\\),?\\s*$");
    private static final Pattern HELD_BY = Pattern.compile("^\\s+which is held by \"(.*)\"\\s*$");
    private static final Pattern FRAME = Pattern.compile("^\\s+at (\\S+)\\((?:[^:)]*/)?([^:)]*)(?::(\\d+))?\\)\\s*$");

    private ThreadDumpDeadlocks() {}

    /** The deadlocks in {@code dump}, in the order listed; empty when it lists none. */
    public static List<Deadlock> parse(String dump) {
        List<Deadlock> out = new ArrayList<>();
        if (dump == null) {
            return out;
        }
        int at = dump.indexOf(SECTION);
        while (at >= 0) {
            int next = dump.indexOf(SECTION, at + SECTION.length());
            Deadlock d = section(dump.substring(at + SECTION.length(), next < 0 ? dump.length() : next));
            if (d != null) {
                out.add(d);
            }
            at = next;
        }
        return out;
    }

    private static Deadlock section(String text) {
        int split = text.indexOf(STACKS);
        String[] waits = (split < 0 ? text : text.substring(0, split)).split("\\R");
        Map<String, String[]> waiters = new LinkedHashMap<>();
        String current = null;
        for (String line : waits) {
            Matcher m;
            if ((m = THREAD.matcher(line)).matches()) {
                current = m.group(1);
                waiters.put(current, new String[2]);
            } else if (current != null && (m = WAITS_FOR.matcher(line)).matches()) {
                waiters.get(current)[0] = m.group(1);
            } else if (current != null && (m = HELD_BY.matcher(line)).matches()) {
                waiters.get(current)[1] = m.group(1);
            }
        }
        if (waiters.size() < 2) {
            return null;
        }
        Map<String, List<String>> stacks = split < 0 ? Map.of() : stacks(text.substring(split + STACKS.length()));
        List<Deadlock.Waiter> threads = new ArrayList<>();
        waiters.forEach((name, w) -> threads.add(new Deadlock.Waiter(name, w[0], w[1], stacks.getOrDefault(name, List.of()))));
        return new Deadlock(threads);
    }

    private static Map<String, List<String>> stacks(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.split("\\R")) {
            Matcher m;
            if ((m = THREAD.matcher(line)).matches()) {
                current = new ArrayList<>();
                out.put(m.group(1), current);
            } else if (current != null && current.size() < STACK_FRAMES && (m = FRAME.matcher(line)).matches()) {
                current.add(m.group(1) + (m.group(3) == null ? "" : ":" + m.group(3)));
            }
        }
        return out;
    }
}
