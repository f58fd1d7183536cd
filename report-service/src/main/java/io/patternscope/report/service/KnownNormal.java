package io.patternscope.report.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.patternscope.core.api.ApiViews;
import io.patternscope.core.features.Fingerprint;
import io.patternscope.core.features.MetricIdentity;
import io.patternscope.core.features.ProfileLayers;
import io.patternscope.core.features.ProfileLearning;
import io.patternscope.core.features.ProfileMatcher;
import io.patternscope.core.features.SeriesFeatures;
import io.patternscope.report.mapping.AnalysisMapper;
import io.patternscope.report.repository.ProfileRepository;
import io.patternscope.report.repository.SeriesResultEntity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One analysis's check of its changed series against the tenant's enabled features profiles:
 * a series whose metric identity has profiles is fingerprinted once and compared with each, the
 * oldest generation first; the first that matches (by its fingerprint, or else by its layers)
 * takes the series out of the ranking. Counts checks and matches per profile, and the profiles
 * learnt from close matches, for the caller to store.
 */
public final class KnownNormal {

    private static final Logger LOG = Logger.getLogger(KnownNormal.class);

    /** No profiles: nothing is ever matched. */
    public static final KnownNormal NONE = new KnownNormal("", List.of(), null, ProfileMatcher.Settings.defaults(),
            ProfileLearning.defaults());

    private final String tenant;
    private final Map<String, List<ProfileRepository.StoredProfile>> byIdentity;
    private final UUID analysisId;
    private final ProfileMatcher matcher;
    private final ProfileLearning learning;
    private final Map<Long, ProfileLayers> layers = new HashMap<>();
    private final Map<Long, int[]> counts = new LinkedHashMap<>();
    private final List<ProfileRepository.NewProfile> learnt = new ArrayList<>();

    public KnownNormal(String tenant, List<ProfileRepository.StoredProfile> profiles, UUID analysisId,
                       ProfileMatcher.Settings settings, ProfileLearning learning) {
        this.tenant = tenant;
        this.byIdentity = profiles.stream().collect(Collectors.groupingBy(ProfileRepository.StoredProfile::identity));
        for (ProfileRepository.StoredProfile p : profiles) {
            if (p.layers() != null) { // read once per report, not once per series checked
                try {
                    layers.put(p.id(), AnalysisMapper.read(p.layers(), new TypeReference<ProfileLayers>() { }));
                } catch (RuntimeException e) {
                    LOG.warnf("profile %d: its layers cannot be read and are left out: %s", p.id(), e.getMessage());
                }
            }
        }
        this.analysisId = analysisId;
        this.matcher = new ProfileMatcher(settings);
        this.learning = learning;
    }

    /**
     * The match of a changed series, if a profile of its identity takes it. A series whose window
     * cannot be read or fingerprinted is left to the ranking: it never fails the report.
     */
    public Optional<ApiViews.KnownNormalView> match(SeriesResultEntity r, String pattern) {
        if (byIdentity.isEmpty() || r.seriesValues == null) {
            return Optional.empty();
        }
        try {
            return matchProfiles(r, pattern);
        } catch (RuntimeException e) {
            LOG.warnf("analysis %s: series %s not checked against features profiles: %s", analysisId, r.seriesId, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<ApiViews.KnownNormalView> matchProfiles(SeriesResultEntity r, String pattern) {
        Map<String, String> labels = AnalysisMapper.readMap(r.labels);
        List<ProfileRepository.StoredProfile> profiles = byIdentity.get(MetricIdentity.of(r.metric, labels));
        if (profiles == null) {
            return Optional.empty();
        }
        double[] values = AnalysisMapper.readValues(r.seriesValues);
        if (Arrays.stream(values).filter(Double::isFinite).count() < SeriesFeatures.MIN_POINTS) {
            return Optional.empty();
        }
        Fingerprint fingerprint = Fingerprint.of(values);
        for (ProfileRepository.StoredProfile profile : profiles) {
            int[] count = counts.computeIfAbsent(profile.id(), id -> new int[2]);
            count[0]++;
            Optional<ProfileMatcher.Match> match = matcher.match(fingerprint, profile.fingerprint());
            String by = match.map(m -> m.scaled() ? "min-max scaled features sum" : "features sum").orElse(null);
            ProfileLayers profileLayers = layers.get(profile.id());
            if (by == null && profileLayers != null && profileLayers.expected(values, profile.fingerprint().max())) {
                by = "layers";
            }
            if (by != null) {
                count[1]++;
                int generation = match.map(m -> learning.childGeneration(profile.learn(), profile.generation(), m)).orElse(-1);
                if (generation >= 0) {
                    learnt.add(new ProfileRepository.NewProfile(tenant, r.metric, profile.identity(), fingerprint,
                            r.seriesValues, analysisId, r.seriesId, true, generation, profile.id(), "learnt"));
                }
                return Optional.of(new ApiViews.KnownNormalView(r.seriesId, r.metric, labels, pattern, profile.id(),
                        profile.generation(), by, match.map(ProfileMatcher.Match::distance).orElse(null), generation >= 0));
            }
        }
        return Optional.empty();
    }

    /** Checks and matches per profile id: {checks, matches}. */
    public Map<Long, int[]> counts() {
        return new HashMap<>(counts);
    }

    /** Profiles to learn, in the order the matches that made them were reported. */
    public List<ProfileRepository.NewProfile> learnt() {
        return List.copyOf(learnt);
    }
}
