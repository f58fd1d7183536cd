package io.patternscope.gateway.auth;

import jakarta.enterprise.context.RequestScoped;

/** The caller of this request, set by {@link BearerAuthFilter} before any resource runs. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller on this request");
        }
        return caller;
    }
}
