package io.patternscope.core.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups ranked findings that tell the same story, so fifty replicas failing together are one line:
 * the same metric with the same pattern, the same labels apart from the ones naming an instance
 * ({@code pod}, {@code instance}, {@code node}, {@code container}, …), and onsets within a
 * tolerance of each other (a group's onsets form a chain with gaps ≤ tolerance). A group ranks
 * where its best member ranks; its title is the metric with the labels its members share.
 * O(n log n), thread-safe.
 */
public final class FindingGrouper {

    /** Labels that tell replicas of the same thing apart. */
    public static final Set<String> INSTANCE_LABELS = Set.of("pod", "instance", "node", "container", "pod_name",
            "container_name", "host", "hostname", "replica", "id", "uid");

    /** What grouping needs of a ranked finding; onsetMs &lt; 0: unknown (a group of its own kind). */
    public record Member(String id, String metric, Map<String, String> labels, String pattern, long onsetMs, int rank) {
    }

    public record Group(int rank, String title, String pattern, long onsetMs, List<Member> members) {
    }

    private final long toleranceMs;

    public FindingGrouper(long toleranceMs) {
        this.toleranceMs = toleranceMs;
    }

    public List<Group> group(List<Member> ranked) {
        Map<String, List<Member>> byStory = new LinkedHashMap<>();
        for (Member m : ranked) {
            byStory.computeIfAbsent(storyKey(m), k -> new ArrayList<>()).add(m);
        }
        List<List<Member>> groups = new ArrayList<>();
        for (List<Member> story : byStory.values()) {
            List<Member> byOnset = new ArrayList<>(story);
            byOnset.sort(Comparator.comparingLong(Member::onsetMs));
            List<Member> current = new ArrayList<>();
            long last = Long.MIN_VALUE;
            for (Member m : byOnset) {
                if (!current.isEmpty() && (m.onsetMs() < 0 || last < 0 || m.onsetMs() - last > toleranceMs)) {
                    groups.add(current);
                    current = new ArrayList<>();
                }
                current.add(m);
                last = m.onsetMs();
            }
            groups.add(current);
        }
        for (List<Member> g : groups) {
            g.sort(Comparator.comparingInt(Member::rank));
        }
        groups.sort(Comparator.comparingInt(g -> g.get(0).rank()));
        List<Group> out = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            List<Member> g = groups.get(i);
            long onset = g.stream().mapToLong(Member::onsetMs).filter(o -> o >= 0).min().orElse(-1);
            out.add(new Group(i + 1, title(g), g.get(0).pattern(), onset, List.copyOf(g)));
        }
        return out;
    }

    private static String storyKey(Member m) {
        Map<String, String> shared = new TreeMap<>(m.labels());
        shared.keySet().removeAll(INSTANCE_LABELS);
        shared.remove("__name__");
        return m.metric() + "\u0000" + m.pattern() + "\u0000" + shared;
    }

    /** {@code metric{labels all members share}}, plus "× n" when there are several. */
    private static String title(List<Member> members) {
        Map<String, String> shared = new TreeMap<>(members.get(0).labels());
        shared.remove("__name__");
        for (Member m : members) {
            shared.entrySet().removeIf(e -> !e.getValue().equals(m.labels().get(e.getKey())));
        }
        StringBuilder title = new StringBuilder(members.get(0).metric()).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : shared.entrySet()) {
            title.append(first ? "" : ",").append(e.getKey()).append("=\"").append(e.getValue()).append('"');
            first = false;
        }
        title.append('}');
        if (members.size() > 1) {
            title.append(" × ").append(members.size());
        }
        return title.toString();
    }
}
