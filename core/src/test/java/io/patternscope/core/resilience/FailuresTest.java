package io.patternscope.core.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void badDataAndBugsAreDeterministicWhileIoIsWorthAnotherTry() {
        assertTrue(Failures.isDeterministic(new IllegalArgumentException("x")));
        assertTrue(Failures.isDeterministic(new ArithmeticException("/ by zero")));
        assertTrue(Failures.isDeterministic(new RuntimeException("wrapped", new ArrayIndexOutOfBoundsException(3))));
        assertFalse(Failures.isDeterministic(new UncheckedIOException(new IOException("connection reset"))));
        assertFalse(Failures.isDeterministic(new IllegalStateException("NATS is reconnecting")));
    }

    @Test
    void aSentenceHasTheTypeAndTheFirstLineOfTheMessageOnly() {
        assertEquals("IllegalStateException (illegal state: internal error)",
                Failures.sentence(new IllegalStateException("illegal state: internal error\nplease fill a bug report at …")));
        assertEquals("NullPointerException", Failures.sentence(new NullPointerException()));
        assertEquals(200 + "RuntimeException (".length() + 2, Failures.sentence(new RuntimeException("x".repeat(500))).length());
    }
}
