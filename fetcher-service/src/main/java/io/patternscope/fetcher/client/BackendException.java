package io.patternscope.fetcher.client;

/** The metrics backend could not answer (unreachable, 5xx after retries, or a 4xx such as a bad selector). */
public class BackendException extends Exception {

    private final boolean retryable;

    public BackendException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
