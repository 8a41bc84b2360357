package dev.precog.bootstrap;

import java.util.concurrent.ThreadPoolExecutor;

/**
 * Pools by identity: an open-addressed array read without locks (a pool's hooks run on every
 * task) and copied on the rare write (a pool's first task, or the sampler forgetting dead pools).
 * Nothing a pool subclass could override is called while the table's lock is held.
 */
final class PoolTable {

    /** More live pools than this and the rest go untracked: the table never grows with a pool leak. */
    static final int MAX_POOLS = 256;
    private static final int SLOTS = 512;
    private static final String[] SKIPPED_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.precog.agent.",
        "dev.precog.analyzer.", "dev.precog.bootstrap.", "dev.precog.host.", "dev.precog.model."};

    private volatile PoolStats[] slots = new PoolStats[SLOTS];
    /** Set while the table is full, so untracked pools' tasks never take the lock. */
    private volatile boolean full;
    private int size;
    private long nextId = 1;

    PoolStats find(ThreadPoolExecutor pool) {
        PoolStats[] t = slots;
        int hash = System.identityHashCode(pool);
        int i = hash & (SLOTS - 1);
        for (int probe = 0; probe < SLOTS; probe++) {
            PoolStats s = t[i];
            if (s == null) {
                return null;
            }
            if (s.identityHash == hash && s.pool.get() == pool) {
                return s;
            }
            i = (i + 1) & (SLOTS - 1);
        }
        return null;
    }

    /** Tracks {@code pool}; null when the table is full (the pool then goes unreported). */
    PoolStats register(ThreadPoolExecutor pool) {
        if (full) {
            return null;
        }
        boolean ignored = isPrecogs(pool);
        String submitter = ignored ? null : submitter();
        synchronized (this) {
            PoolStats found = find(pool);
            if (found != null) {
                return found;
            }
            if (size >= MAX_POOLS) {
                full = true;
                return null;
            }
            PoolStats s = new PoolStats(pool, System.identityHashCode(pool), nextId++, ignored, submitter);
            PoolStats[] copy = slots.clone();
            insert(copy, s);
            size++;
            slots = copy;
            return s;
        }
    }

    /** Forgets collected and terminated pools; their {@code isTerminated} is asked outside the lock. */
    void expunge() {
        java.util.Set<PoolStats> dead = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (PoolStats s : slots) {
            if (s != null && isDead(s)) {
                dead.add(s);
            }
        }
        if (dead.isEmpty()) {
            return;
        }
        synchronized (this) {
            PoolStats[] fresh = new PoolStats[SLOTS];
            int live = 0;
            for (PoolStats s : slots) {
                if (s != null && !dead.contains(s)) {
                    insert(fresh, s);
                    live++;
                }
            }
            size = live;
            slots = fresh;
            full = live >= MAX_POOLS;
        }
    }

    private static boolean isDead(PoolStats s) {
        ThreadPoolExecutor pool = s.pool.get();
        try {
            return pool == null || pool.isTerminated();
        } catch (RuntimeException e) {
            return false; // a subclass's own isTerminated failed: keep the pool, ask again next time
        }
    }

    PoolStats[] snapshot() {
        PoolStats[] t = slots;
        int n = 0;
        for (PoolStats s : t) {
            if (s != null) {
                n++;
            }
        }
        PoolStats[] out = new PoolStats[n];
        int j = 0;
        for (PoolStats s : t) {
            if (s != null) {
                out[j++] = s;
            }
        }
        return out;
    }

    private static void insert(PoolStats[] t, PoolStats s) {
        int i = s.identityHash & (SLOTS - 1);
        while (t[i] != null) {
            i = (i + 1) & (SLOTS - 1);
        }
        t[i] = s;
    }

    /**
     * Precog's own pools are made by its thread factories; a pool a Precog thread uses first (the
     * JDK's process reaper when OSHI starts) is one the application did not ask for.
     */
    private static boolean isPrecogs(ThreadPoolExecutor pool) {
        return pool.getThreadFactory().getClass().getName().startsWith("dev.precog.agent.")
                || Thread.currentThread().getName().startsWith("precog-");
    }

    /** The first frame outside the JDK and Precog: where the application submits to the pool. */
    private static String submitter() {
        StackTraceElement[] stack = new Throwable().getStackTrace();
        for (StackTraceElement e : stack) {
            if (!skipped(e.getClassName())) {
                StringBuilder b = new StringBuilder(e.getClassName()).append('.').append(e.getMethodName());
                if (e.getLineNumber() > 0) {
                    b.append(':').append(e.getLineNumber());
                }
                return b.toString();
            }
        }
        return null;
    }

    private static boolean skipped(String className) {
        for (String prefix : SKIPPED_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
