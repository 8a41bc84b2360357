package dev.precog.analyzer.jfr;

/** A .jfr file that cannot be analysed; the message is one line an operator can act on. */
public final class UnreadableRecordingException extends Exception {

    public UnreadableRecordingException(String message) {
        super(message);
    }
}
