package io.patternscope.core.internalapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCredentialTest {

    @Test
    void matchesOnlyTheExactSecretIgnoringSurroundingBlanks() {
        ServiceCredential credential = new ServiceCredential(Optional.of(" s3cret\n"));
        assertTrue(credential.configured());
        assertEquals("s3cret", credential.value());
        assertTrue(credential.matches("s3cret"));
        assertFalse(credential.matches("s3cre"));
        assertFalse(credential.matches("s3cret!"));
        assertFalse(credential.matches(null));
    }

    @Test
    void aBlankOrMissingSecretMatchesNothing() {
        for (Optional<String> none : java.util.List.of(Optional.<String>empty(), Optional.of("   "))) {
            ServiceCredential credential = new ServiceCredential(none);
            assertFalse(credential.configured());
            assertEquals("", credential.value());
            assertFalse(credential.matches(""));
            assertFalse(credential.matches("anything"));
        }
    }
}
