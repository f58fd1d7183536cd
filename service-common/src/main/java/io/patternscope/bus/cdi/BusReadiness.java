package io.patternscope.bus.cdi;

import io.patternscope.bus.JetStreamBus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the NATS connection is up: a replica that cannot consume should get no traffic. */
@Readiness
@ApplicationScoped
public class BusReadiness implements HealthCheck {

    private final JetStreamBus bus;

    public BusReadiness(JetStreamBus bus) {
        this.bus = bus;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("nats-jetstream").status(bus.isConnected())
                .withData("stream", bus.settings().stream()).build();
    }
}
