package dev.precog.agent.profiler;

/** async-profiler cannot or must not run here; the message says why, for the report. */
final class ProfilerUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    ProfilerUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
