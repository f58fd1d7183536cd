package io.patternscope.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.screening.BenjaminiHochberg;
import io.patternscope.core.screening.SeasonalReference;
import io.patternscope.core.screening.SeriesScreener;
import io.patternscope.core.wire.SeriesData;
import io.patternscope.core.series.CounterRates;
import io.patternscope.core.wire.ScreeningStatus;
import io.patternscope.demo.DemoClock;
import io.patternscope.demo.DemoDataGenerator;
import io.patternscope.demo.DemoSettings;
import io.patternscope.demo.DemoTopology;
import io.patternscope.demo.Incident;
import io.patternscope.demo.SeriesSink;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Screening alone on the full demo data of the incident cluster (2,281 series), the way the
 * pipeline sees it: the 3 h before the alert, the last hour as test window, counters as rates,
 * Benjamini–Hochberg at q = 0.01 across all series and a minimum effect of 3. The root cause and
 * its symptoms must pass; most unrelated series must not. Then the ensemble: the same, or a
 * matrix-profile discord ≥ 0.70 — the two symptoms that change shape only (a stuck value, a
 * shorter period) are found by discords and missed by KS. Prints the pass rates of both.
 */
class ScreeningOnDemoDataTest {

    private record Series(String family, String type, Map<String, String> labels, double[] values, double[][] pastDays) {
    }

    @Test
    void rootCauseAndSymptomsPassScreeningWhileMostUnrelatedSeriesDoNot() throws Exception {
        Path nab = Path.of(System.getProperty("patternscope.nab", "../../shared/datasets/nab"));
        DemoSettings settings = DemoSettings.full(Instant.parse("2026-11-23T12:00:00Z"), nab);
        List<Series> east = new ArrayList<>();
        String[] current = new String[2];
        Map<String, DemoTopology> topologies = new DemoDataGenerator(settings).generate(new SeriesSink() {
            @Override
            public void family(String name, String type, String help) {
                current[0] = name;
                current[1] = type;
            }

            @Override
            public void series(String sampleName, Map<String, String> labels, double[] values) {
                seriesWithPast(sampleName, labels, new double[0][], values);
            }

            @Override
            public void seriesWithPast(String sampleName, Map<String, String> labels, double[][] pastDays, double[] values) {
                if ("east".equals(labels.get("cluster"))) {
                    east.add(new Series(current[0], current[1], Map.copyOf(labels), values, pastDays));
                }
            }
        });
        DemoTopology.Pod rootPod = topologies.get("east").pods(Incident.ROOT_CAUSE_SERVICE).get(0);

        // The alert fires at about the data's end minus DemoClock.AHEAD; analyse the 3 h before it.
        int step = (int) settings.step().toMillis();
        int alertIndex = settings.points() - 1 - (int) (DemoClock.AHEAD.toMillis() / step);
        int from = alertIndex - 720;
        SeriesScreener screener = new SeriesScreener(SeriesScreener.Settings.defaults());
        double[] p = new double[east.size()];
        double[] effect = new double[east.size()];
        double[] discord = new double[east.size()];
        double[] pAuto = new double[east.size()];
        double[] effectAuto = new double[east.size()];
        for (int i = 0; i < east.size(); i++) {
            Series s = east.get(i);
            double[] values = "counter".equals(s.type()) ? CounterRates.toRates(s.values(), step) : s.values();
            double[] window = Arrays.copyOfRange(values, from, alertIndex + 1);
            SeriesScreener.Outcome o = screener.screen(window, 480, !"counter".equals(s.type()), step);
            p[i] = o.status() == ScreeningStatus.TESTED ? o.pValue() : Double.NaN;
            effect[i] = o.effectSize();
            discord[i] = o.status() == ScreeningStatus.TESTED ? o.discord().score() : Double.NaN;
            List<SeriesData.PastWindow> past = new ArrayList<>();
            for (int k = 0; k < s.pastDays().length; k++) {
                past.add(new SeriesData.PastWindow((k + 1) * SeasonalReference.DAY_MS,
                        Arrays.copyOfRange(s.pastDays()[k], from + 480, alertIndex + 1)));
            }
            SeasonalReference.Choice auto = SeasonalReference.choose(SeasonalReference.Kind.AUTO, window, 480, past);
            SeriesScreener.Outcome a = auto.used() == SeasonalReference.Kind.PRECEDING ? o
                    : screener.screen(auto.values(), auto.split(), !"counter".equals(s.type()), step);
            pAuto[i] = a.status() == ScreeningStatus.TESTED ? a.pValue() : Double.NaN;
            effectAuto[i] = a.effectSize();
        }
        double[] q = BenjaminiHochberg.adjust(p);
        double[] qAuto = BenjaminiHochberg.adjust(pAuto);

        int[] passed = new int[3];
        int[] passedEnsemble = new int[3];
        int[] passedAuto = new int[3];
        int significantAuto = 0;
        int[] total = new int[3];
        boolean rootPassed = false;
        int significant = 0;
        for (int i = 0; i < east.size(); i++) {
            significant += !Double.isNaN(q[i]) && q[i] <= 0.01 ? 1 : 0;
            boolean changed = !Double.isNaN(q[i]) && q[i] <= 0.01 && Math.abs(effect[i]) >= 3;
            boolean changedShape = discord[i] >= SeriesScreener.Settings.SUGGESTED_DISCORD_THRESHOLD;
            significantAuto += !Double.isNaN(qAuto[i]) && qAuto[i] <= 0.01 ? 1 : 0;
            boolean changedAuto = !Double.isNaN(qAuto[i]) && qAuto[i] <= 0.01 && Math.abs(effectAuto[i]) >= 3;
            Series s = east.get(i);
            int role = role(s, rootPod);
            total[role]++;
            passed[role] += changed ? 1 : 0;
            passedEnsemble[role] += changedAuto || changedShape ? 1 : 0;
            passedAuto[role] += changedAuto ? 1 : 0;
            if (s.family().equals(DemoDataGenerator.DAILY_RHYTHM_METRIC)) {
                assertTrue(changed, "against the preceding window the daily rhythm is a change");
                assertFalse(changedAuto, "against the days before it is not");
            }
            if (role == 0) {
                rootPassed = changed;
            }
            if (role == 1 && shapeOnly(s)) {
                assertFalse(changed, s.family() + " changes shape only: KS and recent extremes miss it");
                assertTrue(changedShape, s.family() + " is a discord: " + discord[i]);
            }
        }
        double symptomRate = (double) passed[1] / total[1];
        double unrelatedRate = (double) passed[2] / total[2];
        System.out.printf(Locale.ROOT, "BH-significant %d of %d; screening pass rate: root cause %d/%d, symptoms %d/%d (%.0f %%), "
                        + "unrelated %d/%d (%.1f %%)%n", significant, east.size(), passed[0], total[0], passed[1], total[1],
                100 * symptomRate, passed[2], total[2], 100 * unrelatedRate);
        System.out.printf(Locale.ROOT, "AUTO reference: BH-significant %d; pass rate: root cause %d/%d, symptoms %d/%d, unrelated %d/%d%n",
                significantAuto, passedAuto[0], total[0], passedAuto[1], total[1], passedAuto[2], total[2]);
        System.out.printf(Locale.ROOT, "ensemble (AUTO, or discord ≥ %.2f) pass rate: root cause %d/%d, symptoms %d/%d, unrelated %d/%d (%.1f %%)%n",
                SeriesScreener.Settings.SUGGESTED_DISCORD_THRESHOLD, passedEnsemble[0], total[0], passedEnsemble[1], total[1],
                passedEnsemble[2], total[2], 100.0 * passedEnsemble[2] / total[2]);
        assertTrue(rootPassed, "the leaking pod's memory must pass screening");
        assertTrue(symptomRate >= 0.9, "symptom pass rate " + symptomRate);
        assertTrue(unrelatedRate <= 0.05, "unrelated pass rate " + unrelatedRate);
        assertEquals(total[1], passedEnsemble[1], "the ensemble finds every symptom");
    }

    private static boolean shapeOnly(Series s) {
        return s.family().equals(Incident.STUCK_VALUE_METRIC) || s.family().equals(Incident.PERIOD_CHANGE_METRIC);
    }

    /** 0: the root cause; 1: a symptom the incident injected; 2: unrelated. */
    private static int role(Series s, DemoTopology.Pod rootPod) {
        String pod = s.labels().getOrDefault("pod", "");
        String service = s.labels().getOrDefault("service", "");
        if (pod.equals(rootPod.name())) {
            if (s.family().equals(Incident.ROOT_CAUSE_METRIC)) {
                return 0;
            }
            return s.family().equals("jvm_gc_pause_seconds") || s.family().equals("http_request_latency_seconds")
                    || shapeOnly(s) ? 1 : 2;
        }
        if (s.family().equals("node_memory_MemAvailable_bytes") && rootPod.node().equals(s.labels().get("instance"))) {
            return 1;
        }
        boolean caller = service.equals("frontend") || service.equals("checkout");
        if (caller && (s.family().equals("http_request_latency_seconds")
                || (s.family().equals("http_requests") && "500".equals(s.labels().get("code"))))) {
            return 1;
        }
        return 2;
    }
}
