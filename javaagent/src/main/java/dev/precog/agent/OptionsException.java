package dev.precog.agent;

/** An agent option the user got wrong; the message names it and the valid choices. */
public final class OptionsException extends Exception {

    public OptionsException(String message) {
        super(message);
    }
}
