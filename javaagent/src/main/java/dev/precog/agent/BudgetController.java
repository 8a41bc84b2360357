package dev.precog.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;

/**
 * Holds the agent to its CPU budget, a share of one core. After each window it is given the
 * agent's cumulative CPU time (its threads and JFR's) and judges the share over the last period
 * ({@code overheadPeriod}, a minute by default), or since the last change of level if that is
 * more recent (what was spent before a change says nothing about the new level), once at least
 * the settle time has passed. Over budget (over a shorter span: having spent the whole period's
 * allowance already): one level down the ladder. Back up one level only
 * after a full period under {@link #RECOVER_BELOW} of the budget, and no sooner than the recovery
 * wait after the last change;
 * the wait doubles (up to {@link #MAX_RECOVERY_WAIT}) each time a step up had to be undone, so a
 * level that cannot be afforded is not retried every few minutes. Nothing is judged during the
 * warm-up after the first reading: the agent's code is still being loaded, interpreted and
 * compiled then, which costs once and which sampling less would not make cheaper. Called from one
 * thread.
 */
final class BudgetController {

    static final double RECOVER_BELOW = 0.5;
    static final Duration FIRST_RECOVERY_WAIT = Duration.ofMinutes(5);
    static final Duration MAX_RECOVERY_WAIT = Duration.ofHours(1);

    private final double budget;
    private final int maxLevel;
    private final Duration settle;
    private final Duration period;
    private final Duration warmUp;
    private Instant warmUpEnds;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private int level;
    private Instant changedAt;
    private boolean lastChangeWasUp;
    private Duration recoveryWait = FIRST_RECOVERY_WAIT;
    private Double measured;
    private Double measuredOverSeconds;
    private String reason;

    private record Sample(Instant at, long cpuNanos) {}

    /**
     * @param budget the budget as a share of one core (0.01 for 1%)
     * @param maxLevel the ladder's last level
     * @param settle how long a level must run before it is judged
     * @param period the longest span judged at once, and the span that must pass cheaply before a step up
     * @param warmUp how long after the first reading nothing is measured
     */
    BudgetController(double budget, int maxLevel, Duration settle, Duration period, Duration warmUp) {
        this.budget = budget;
        this.maxLevel = maxLevel;
        this.settle = settle;
        this.period = period;
        this.warmUp = warmUp;
        this.reason = "not judged yet: the agent is warming up (" + seconds(warmUp) + ")";
    }

    /** Judges the new reading; returns the level to run at from now on. */
    int update(Instant now, long cpuNanos) {
        if (warmUpEnds == null) {
            warmUpEnds = now.plus(warmUp);
        }
        if (now.isBefore(warmUpEnds)) {
            return level;
        }
        if (samples.isEmpty()) {
            reason = "not judged yet: the first " + seconds(settle) + " of measurement are still running";
        }
        samples.addLast(new Sample(now, cpuNanos));
        // keep the newest sample at or before the period's start, so a judged span can be a full period
        // however the readings fall (they come once per window, a little late or early)
        while (samples.size() > 1 && !second(samples).at().isAfter(now.minus(period))) {
            samples.removeFirst();
        }
        Sample from = samples.getFirst();
        if (changedAt != null) {
            for (Sample s : samples) {
                if (!s.at().isBefore(changedAt)) {
                    from = s;
                    break;
                }
            }
        }
        Duration span = Duration.between(from.at(), now);
        if (span.compareTo(settle) < 0 || span.isZero()) {
            return level;
        }
        long spent = cpuNanos - from.cpuNanos();
        double share = spent / (double) span.toNanos();
        measured = share;
        measuredOverSeconds = span.toMillis() / 1000.0;
        String judged = percent(share) + " of one core over the last " + seconds(span) + ", budget " + percent(budget);
        // Over a span shorter than the period, over budget means having spent the whole period's allowance
        // already: the budget is a share of a period, and what follows a costly start (the agent's code
        // still interpreted on a busy machine) may pay it back. A full period is judged by its share.
        if (spent > budget * Math.max(span.toNanos(), period.toNanos())) {
            if (level < maxLevel) {
                if (lastChangeWasUp && Duration.between(changedAt, now).compareTo(recoveryWait) < 0) {
                    recoveryWait = min(recoveryWait.multipliedBy(2), MAX_RECOVERY_WAIT);
                }
                change(level + 1, now, false);
                reason = "over budget (" + judged + "): lowered to level " + level;
            } else {
                reason = level == 0 ? "over budget (" + judged + ") with nothing to lower"
                        : "still over budget at the last level (" + judged + "): nothing more to lower";
            }
        } else if (level > 0 && share < RECOVER_BELOW * budget && span.compareTo(period) >= 0
                && Duration.between(changedAt, now).compareTo(recoveryWait) >= 0) {
            change(level - 1, now, true);
            reason = "well under budget (" + judged + "): raised to level " + level + "; will step up again after "
                    + seconds(recoveryWait) + " more under " + percent(RECOVER_BELOW * budget);
        } else if (share > budget) {
            reason = (level == 0 ? "within budget so far (" : "at level " + level + ", within budget so far (") + judged
                    + "; under the allowance of a full " + seconds(period) + ")";
        } else {
            reason = level == 0 ? "within budget (" + judged + ")"
                    : "at level " + level + " (" + judged + "); steps up after " + seconds(recoveryWait)
                            + " at this level with a full " + seconds(period) + " under " + percent(RECOVER_BELOW * budget);
        }
        return level;
    }

    private static Sample second(ArrayDeque<Sample> samples) {
        Iterator<Sample> it = samples.iterator();
        it.next();
        return it.next();
    }

    private void change(int to, Instant now, boolean up) {
        level = to;
        changedAt = now;
        lastChangeWasUp = up;
    }

    int level() {
        return level;
    }

    /** When the level last changed; null if never. */
    Instant changedAt() {
        return changedAt;
    }

    double budget() {
        return budget;
    }

    /** The share of one core last judged; null before the first judgement. */
    Double measured() {
        return measured;
    }

    Double measuredOverSeconds() {
        return measuredOverSeconds;
    }

    String reason() {
        return reason;
    }

    /** How long a level must last, and be cheap, before the controller steps up from it. */
    Duration recoveryWait() {
        return recoveryWait;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    private static String seconds(Duration d) {
        return d.toSeconds() < 120 ? d.toSeconds() + "s" : d.toMinutes() + "m";
    }
}
