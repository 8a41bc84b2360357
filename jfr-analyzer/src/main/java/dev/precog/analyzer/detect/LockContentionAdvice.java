package dev.precog.analyzer.detect;

import dev.precog.analyzer.evidence.LockHolders;
import dev.precog.model.Suggestion;
import dev.precog.model.WaitSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What to change for one contended lock, most useful first, chosen by what the evidence shows:
 * I/O or sleeping under the lock, a collection guarded by it, many threads on one lock, a pool
 * mostly waiting; always how to see the holder for yourself.
 */
final class LockContentionAdvice {

    /** Frames that block on I/O or time, which never belong inside a critical section. */
    private static final String[] BLOCKING_FRAMES = {
        "java.net.", "sun.nio.ch.", "java.io.FileInputStream", "java.io.FileOutputStream", "java.io.RandomAccessFile",
        "sun.nio.fs.", "java.nio.channels.", "java.lang.Thread.sleep", "java.sql.", "javax.net.ssl."};
    /** Frames of unsynchronized collections that a lock is often there only to guard. */
    private static final String[] COLLECTION_FRAMES = {
        "java.util.HashMap.", "java.util.ArrayList.", "java.util.LinkedList.", "java.util.TreeMap.", "java.util.ArrayDeque.",
        "java.util.LinkedHashMap.", "java.util.HashSet."};
    /** Threads on one lock from which striping pays. */
    static final int STRIPE_FROM_THREADS = 4;

    private LockContentionAdvice() {}

    static List<Suggestion> suggestions(WaitSummary lock, double blocked, List<LockHolders.HolderStack> holders, String pid) {
        List<String> holderFrames = holders.isEmpty() ? List.of() : holders.get(0).frames();
        List<String> waiterFrames = lock.topStacks(1).stream().map(WaitSite.WaiterStack::frames).findFirst().orElse(List.of());
        String section = firstApplicationFrame(holderFrames.isEmpty() ? waiterFrames : holderFrames);
        String in = section == null ? "" : " in " + section;
        List<Suggestion> out = new ArrayList<>();
        if (WaitSite.PINNED.equals(lock.kind())) {
            out.add(new Suggestion("Stop blocking while pinned" + (section == null ? "" : " in " + section), null,
                    "A virtual thread that blocks inside a class initializer or a native frame keeps its carrier: the few"
                            + " carriers run out and every virtual thread waits. Initialize such classes eagerly at start-up,"
                            + " or run this work on a bounded pool of platform threads (" + lock.resource() + ")"));
        }
        String blocking = firstMatching(holderFrames, BLOCKING_FRAMES);
        if (blocking != null) {
            out.add(new Suggestion("Move the blocking call out of the critical section" + in, null,
                    "The lock's holder was sampled in " + blocking + ": every waiter waits for that I/O too."
                            + " Read or write first, then take the lock only to publish the result"));
        }
        out.add(new Suggestion("Shrink the critical section" + in, null, String.format(Locale.ROOT,
                "Waits last %.0f ms at the median: hold %s only around the shared state it protects, and compute,"
                        + " format or allocate before taking it", lock.percentileMillis(50), lock.resource())));
        String collection = firstMatching(holderFrames.isEmpty() ? waiterFrames : holderFrames, COLLECTION_FRAMES);
        if (collection != null || lock.threads().size() >= STRIPE_FROM_THREADS) {
            out.add(new Suggestion(collection != null
                    ? "Replace the locked collection with a concurrent one (ConcurrentHashMap, ConcurrentLinkedQueue, LongAdder)"
                    : "Stripe the lock: one lock per key or shard instead of one for everything", null,
                    String.format(Locale.ROOT, "%d threads queue on one %s; independent keys need not wait for each other",
                            lock.threads().size(), lock.monitor() ? "monitor" : "lock")));
        }
        if (blocked >= 0.5 * lock.threads().size()) {
            out.add(new Suggestion("Size the pool to what the lock can serve", null, String.format(Locale.ROOT,
                    "%d threads spend about %.0f%% of their time waiting for this lock; fewer threads would do the same work"
                            + " with less queueing, until the critical section is shorter",
                    lock.threads().size(), 100 * blocked / lock.threads().size())));
        }
        out.add(new Suggestion("See who holds the lock and what it is doing", "jcmd " + pid + " Thread.print -l",
                "Threads BLOCKED or parked on " + lock.resource() + " name the owner (\"locked\" and \"owned by\");"
                        + " its stack is the critical section to shorten"));
        return out;
    }

    private static String firstApplicationFrame(List<String> frames) {
        for (String f : frames) {
            String type = f.substring(0, Math.max(0, f.lastIndexOf('.', f.indexOf(':') < 0 ? f.length() : f.indexOf(':'))));
            if (!type.isEmpty() && !JavaTypes.isPlatform(type) && !JavaTypes.isHidden(type)) {
                return f;
            }
        }
        return null;
    }

    private static String firstMatching(List<String> frames, String[] prefixes) {
        for (String f : frames) {
            for (String p : prefixes) {
                if (f.startsWith(p)) {
                    return f;
                }
            }
        }
        return null;
    }
}
