package io.patternscope.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Services, their pods and the nodes they run on, for one cluster; deterministic per seed. */
public final class DemoTopology {

    static final List<String> SERVICE_NAMES = List.of("frontend", "checkout", "cart", "catalog", "payment", "shipping",
            "currency", "recommendation", "ads", "email", "auth", "search", "inventory");
    /** Who calls whom: a slow callee shows up in its callers' latency. */
    static final Map<String, List<String>> CALLEES = Map.of(
            "frontend", List.of("checkout", "cart", "catalog", "search", "recommendation", "ads", "currency"),
            "checkout", List.of("cart", "payment", "shipping", "email", "currency", "inventory"));

    public record Pod(String service, String name, String node) {
    }

    private final Map<String, List<Pod>> podsByService = new LinkedHashMap<>();
    private final List<String> nodes = new ArrayList<>();

    public DemoTopology(DemoSettings settings, String cluster) {
        Random random = new Random(settings.seed() * 31 + cluster.hashCode());
        for (int n = 0; n < settings.nodes(); n++) {
            nodes.add(String.format("ip-10-%d-%d-%d.%s.internal", 20 + n / 200, (n / 50) % 4, 10 + n % 200, cluster));
        }
        for (String service : SERVICE_NAMES.subList(0, Math.min(settings.services(), SERVICE_NAMES.size()))) {
            String replicaSet = suffix(random, 9);
            List<Pod> pods = new ArrayList<>();
            for (int p = 0; p < settings.podsPerService(); p++) {
                pods.add(new Pod(service, service + "-" + replicaSet + "-" + suffix(random, 5),
                        nodes.get(random.nextInt(nodes.size()))));
            }
            podsByService.put(service, pods);
        }
    }

    private static String suffix(Random random, int length) {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    public List<String> services() {
        return List.copyOf(podsByService.keySet());
    }

    public List<Pod> pods(String service) {
        return podsByService.getOrDefault(service, List.of());
    }

    public List<String> nodes() {
        return nodes;
    }

    /** True if {@code service} calls the root-cause service directly (its latency suffers). */
    static boolean callsRootCause(String service) {
        return CALLEES.getOrDefault(service, List.of()).contains(Incident.ROOT_CAUSE_SERVICE);
    }
}
