package dev.precog.agent;

import dev.precog.analyzer.Analyzer;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * The schedule of costly evidence: nothing until a detector reports its problem, then one
 * sample, a second one {@code spacing} later (their comparison is the evidence), then a new
 * sample compared with the previous one every {@code refresh} while the problem lasts; at most
 * {@code maxPerHour} samples an hour, and a failing sampler is not retried for the rest of the
 * hour. A finding the detectors miss for a while stays in the findings (the analyzer holds it until
 * it is forgotten), and past that its samples are still kept for {@link Analyzer#FORGET_AFTER}
 * updates, so a return soon after is not a new pair either. Starting a new pair at once took a
 * class histogram (a full collection) each time a leak's finding flickered: three or four within
 * 80 s in the staircase scenario, up to five within 90 s in the periodic report's, where two were
 * meant. Called from the agent's scheduler thread only.
 *
 * @param <S> one sample (a class histogram, a census)
 * @param <D> what two samples show (their difference)
 */
final class TwoPointSampler<S, D> {

    /** Two samples of a pair are at least this far apart, and at least three windows. */
    static final Duration MIN_SPACING = Duration.ofSeconds(30);

    /** Takes one sample; may throw, which counts as a failed attempt. */
    interface Sampler<S> {
        S take() throws Exception;
    }

    private final String what;
    private final Duration spacing;
    private final Duration refresh;
    private final int maxPerHour;
    private final Sampler<S> sampler;
    private final BiFunction<S, S, D> compare;
    private final AgentLog log;
    private S latest;
    private Instant latestAt = Instant.EPOCH;
    private D result;
    private int taken;
    private Instant hourStart = Instant.EPOCH;
    private int takenThisHour;
    /** Updates in a row the problem was not reported in. */
    private int absent;

    /** The spacing for an agent with windows of {@code window}: three windows, and at least 30 s. */
    static Duration spacingFor(Duration window) {
        Duration three = window.multipliedBy(3);
        return three.compareTo(MIN_SPACING) > 0 ? three : MIN_SPACING;
    }

    TwoPointSampler(String what, Duration spacing, Duration refresh, int maxPerHour, Sampler<S> sampler,
            BiFunction<S, S, D> compare, AgentLog log) {
        this.what = what;
        this.spacing = spacing;
        this.refresh = refresh;
        this.maxPerHour = maxPerHour;
        this.sampler = sampler;
        this.compare = compare;
        this.log = log;
    }

    /** Samples if {@code triggered} calls for it now; returns the latest comparison, or null. */
    D update(boolean triggered, Instant now) {
        if (!triggered) {
            if (++absent >= Analyzer.FORGET_AFTER) {
                latest = null;
                result = null;
            }
            return null;
        }
        absent = 0;
        if (Duration.between(hourStart, now).compareTo(Duration.ofHours(1)) >= 0) {
            hourStart = now;
            takenThisHour = 0;
        }
        Duration wait = result == null ? spacing : refresh;
        boolean due = latest == null || Duration.between(latestAt, now).compareTo(wait) >= 0;
        if (due && takenThisHour < maxPerHour) {
            S next = take();
            if (next != null) {
                if (latest != null) {
                    result = compare.apply(latest, next);
                }
                latest = next;
                latestAt = now;
            }
        }
        return result;
    }

    private S take() {
        try {
            S s = sampler.take();
            taken++;
            takenThisHour++;
            return s;
        } catch (Exception | LinkageError e) {
            log.error(what + " not taken", e);
            takenThisHour = maxPerHour;
            return null;
        }
    }

    /** Samples taken since the agent started. */
    int taken() {
        return taken;
    }
}
