package io.patternscope.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.patternscope.demo.AnalysisDriver;
import io.patternscope.demo.DemoClock;
import io.patternscope.demo.DemoDataGenerator;
import io.patternscope.demo.DemoSettings;
import io.patternscope.demo.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scaling correctness: the same analysis on one replica of each stage and on two replicas of
 * fetcher, detector and classifier gives the same report, and every replica did some of the work.
 */
class ScalingIT {

    private static LocalStack stack;
    private static AnalysisDriver driver;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("patternscope.root", ".."));
        Path nab = Path.of(System.getProperty("patternscope.nab", "../../shared/datasets/nab"));
        Path work = Files.createTempDirectory("ps-scaling");
        DemoSettings settings = DemoSettings.small(DemoClock.dataEnd(), nab);
        stack = new LocalStack(root, work, LocalStack.Ports.free(),
                new LocalStack.Isolation("PATTERNSCOPE_SCALING", "psscale", "patternscope_test", 30), settings.clusters(), false);
        Path om = work.resolve("demo.om");
        new DemoDataGenerator(settings).write(om);
        stack.backfill(om);
        stack.startPrometheus();
        stack.startServices();
        driver = new AnalysisDriver(stack.gateway(), stack.prometheus(), stack.createToken("*", "e2e"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static JsonNode analyse(String window) throws Exception {
        AnalysisDriver.Reply created = driver.post("/api/v1/analyses", "{\"cluster\":\"east\",\"window\":" + window + "}");
        assertEquals(202, created.status(), created.body().toString());
        JsonNode report = driver.awaitReport(created.body().path("id").asText(), Duration.ofMinutes(3), s -> { });
        assertEquals("COMPLETED", report.path("status").asText());
        return report;
    }

    private static long lines(String process, String needle) throws Exception {
        return Files.readAllLines(stack.log(process)).stream().filter(l -> l.contains(needle)).count();
    }

    @Test
    void twoReplicasOfEachStageGiveTheSameReportAsOne() throws Exception {
        Instant end = Instant.now().minusSeconds(30);
        String window = "{\"start\":\"" + end.minus(Duration.ofHours(2)) + "\",\"end\":\"" + end + "\"}";
        JsonNode single = analyse(window);

        for (String module : List.of("fetcher-service", "detector-service", "classifier-service")) {
            stack.startReplica(module, 2);
        }
        JsonNode scaled = analyse(window);

        assertEquals(single.path("summary").toString(), scaled.path("summary").toString());
        assertEquals(AnalysisDriver.findingsSignature(single), AnalysisDriver.findingsSignature(scaled));
        assertTrue(AnalysisDriver.findingsSignature(scaled).size() > 0, "the window holds the incident");
        String id = scaled.path("analysisId").asText();
        for (String module : List.of("fetcher-service", "detector-service", "classifier-service")) {
            for (String replica : List.of(module, module + "-2")) {
                assertTrue(lines(replica, "analysis " + id) > 0, replica + " did part of the scaled analysis");
            }
        }
    }
}
