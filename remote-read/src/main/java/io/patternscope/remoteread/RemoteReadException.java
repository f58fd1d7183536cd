package io.patternscope.remoteread;

/** A remote read that did not succeed, classified for the caller's next move. */
public class RemoteReadException extends Exception {

    public enum Kind {
        /** The backend has no remote-read endpoint (404, 405, 501): use query_range. */
        UNSUPPORTED,
        /** Server overloaded or unreachable (5xx, 429, I/O): retry later. */
        RETRYABLE,
        /** The read asked for more than the backend allows (samples, bytes): split it. */
        LIMIT,
        /** Anything else the backend refused, or a corrupt response. */
        FAILED
    }

    private final Kind kind;

    public RemoteReadException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
