package io.patternscope.bus;

/** A message that will fail the same way however often it is delivered: terminate it, don't retry. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonMessageException(String message) {
        super(message);
    }
}
