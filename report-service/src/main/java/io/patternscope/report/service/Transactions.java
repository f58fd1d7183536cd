package io.patternscope.report.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Runs reactive Panache work from blocking threads (NATS consumer workers, @Blocking resources):
 * Hibernate Reactive must run on a Vert.x context, so the work is handed to one and awaited.
 */
@ApplicationScoped
public class Transactions {

    public <T> T inTransaction(Supplier<Uni<T>> work) {
        return await(() -> Panache.withTransaction(work));
    }

    public <T> T readOnly(Supplier<Uni<T>> work) {
        return await(() -> Panache.withSession(work));
    }

    /** Work on the reactive pool alone: no Hibernate session is opened for it. */
    public <T> T onPool(Supplier<Uni<T>> work) {
        return await(work);
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
