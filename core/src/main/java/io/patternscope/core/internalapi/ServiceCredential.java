package io.patternscope.core.internalapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The shared secret one Patternscope service shows another on an internal HTTP call
 * ({@code PATTERNSCOPE_INTERNAL_API_CREDENTIAL}: a Kubernetes Secret, a random one per local stack). The
 * NetworkPolicies already keep strangers out; the credential keeps a misconfigured network from
 * being an open door to every tenant's analyses.
 */
public final class ServiceCredential {

    public static final String HEADER = "X-Patternscope-Service-Credential";

    private final Optional<byte[]> secret;

    public ServiceCredential(Optional<String> secret) {
        this.secret = secret.map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    public boolean configured() {
        return secret.isPresent();
    }

    /** The value to send; empty when none is configured (the called service then refuses). */
    public String value() {
        return secret.map(s -> new String(s, StandardCharsets.UTF_8)).orElse("");
    }

    /** Constant-time comparison, so the answer's timing says nothing about how much of a guess was right. */
    public boolean matches(String presented) {
        return secret.isPresent() && presented != null
                && MessageDigest.isEqual(secret.get(), presented.strip().getBytes(StandardCharsets.UTF_8));
    }
}
