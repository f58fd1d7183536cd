package io.patternscope.rca;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's microservice application: 25 components, an edge that calls four services, which
 * call the services, databases, caches and queues below them. Fixed, so every incident's seed
 * varies the fault, not the shape.
 */
final class ShopTopology {

    enum Kind { EDGE, SERVICE, DATABASE, CACHE, QUEUE, EXTERNAL }

    record Component(String name, Kind kind) {
    }

    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Map<String, List<String>> callees = new LinkedHashMap<>();

    ShopTopology() {
        add("frontend", Kind.EDGE, "checkout", "catalog", "search", "account");
        add("checkout", Kind.SERVICE, "cart", "payment", "shipping", "pricing");
        add("catalog", Kind.SERVICE, "inventory", "catalog-db", "pricing");
        add("search", Kind.SERVICE, "search-index", "recommendation");
        add("account", Kind.SERVICE, "auth", "user-db", "notification");
        add("cart", Kind.SERVICE, "cart-db", "pricing-cache");
        add("payment", Kind.SERVICE, "payment-gateway", "auth");
        add("inventory", Kind.SERVICE, "inventory-db");
        add("recommendation", Kind.SERVICE, "reco-model");
        add("shipping", Kind.SERVICE, "shipping-queue");
        add("auth", Kind.SERVICE, "auth-db");
        add("pricing", Kind.SERVICE, "pricing-cache");
        add("notification", Kind.SERVICE, "email-queue");
        add("cart-db", Kind.DATABASE);
        add("catalog-db", Kind.DATABASE);
        add("inventory-db", Kind.DATABASE);
        add("user-db", Kind.DATABASE);
        add("auth-db", Kind.DATABASE);
        add("pricing-cache", Kind.CACHE);
        add("search-index", Kind.DATABASE);
        add("reco-model", Kind.SERVICE);
        add("payment-gateway", Kind.EXTERNAL);
        add("shipping-queue", Kind.QUEUE);
        add("email-queue", Kind.QUEUE);
        add("session-cache", Kind.CACHE);
        callees.get("frontend").add("session-cache");
    }

    private void add(String name, Kind kind, String... calls) {
        components.put(name, new Component(name, kind));
        callees.put(name, new ArrayList<>(List.of(calls)));
    }

    List<Component> components() {
        return List.copyOf(components.values());
    }

    List<String> callees(String name) {
        return callees.getOrDefault(name, List.of());
    }

    /** The components that call {@code name}. */
    List<String> callers(String name) {
        List<String> out = new ArrayList<>();
        callees.forEach((caller, list) -> {
            if (list.contains(name)) {
                out.add(caller);
            }
        });
        return out;
    }
}
