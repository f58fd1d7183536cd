package io.patternscope.core.resilience;

/** How a failure is told to an operator, and whether trying again can help. */
public final class Failures {

    private Failures() {
    }

    /** The exception as one short sentence fragment: its type and first line of message, never a stack. */
    public static String sentence(Throwable e) {
        String message = e.getMessage();
        if (message != null) {
            message = message.strip();
            int newline = message.indexOf('\n');
            if (newline >= 0) {
                message = message.substring(0, newline);
            }
            if (message.length() > 200) {
                message = message.substring(0, 200) + "…";
            }
        }
        return e.getClass().getSimpleName() + (message == null || message.isEmpty() ? "" : " (" + message + ")");
    }

    /**
     * True for failures that the same input reproduces (bad data, a bug): redelivering the message
     * gives the same result, so a stage gives up at once instead of retrying. I/O, timeouts and
     * everything else count as transient.
     */
    public static boolean isDeterministic(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof ArithmeticException
                    || t instanceof IndexOutOfBoundsException || t instanceof NullPointerException
                    || t instanceof ClassCastException || t instanceof ArrayStoreException
                    || t instanceof NegativeArraySizeException || t instanceof UnsupportedOperationException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
