package io.patternscope.bus;

import com.fasterxml.jackson.databind.JsonNode;
import io.patternscope.core.resilience.Failures;
import io.patternscope.core.wire.BatchFailed;
import io.patternscope.core.wire.Subjects;
import java.io.IOException;

/** Publishes {@link BatchFailed} for a message a stage gave up on, read from its analysisId/batchNo fields. */
public final class LostWork {

    private LostWork() {
    }

    public static void report(MessageBus bus, String stage, Delivery delivery, Exception cause) {
        JsonNode payload;
        try {
            payload = WireCodec.envelope(delivery.data());
        } catch (IOException | RuntimeException e) {
            return; // neither JSON nor a frame: there is no analysis to tell
        }
        String analysisId = payload.path("analysisId").asText(null);
        if (analysisId == null) {
            return;
        }
        int batchNo = payload.has("batchNo") ? payload.path("batchNo").asInt() : -1;
        String reason = "the " + stage + " could not process " + (batchNo < 0 ? "the analysis" : "batch " + batchNo)
                + (batchNo < 0 ? "" : " (its series were not " + (stage.startsWith("detector") ? "screened" : "reported") + ")")
                + ": " + Failures.sentence(cause);
        bus.publish(Subjects.EVENTS_BATCH_FAILED, analysisId + ":failed:" + stage + ":" + batchNo,
                new BatchFailed(analysisId, stage, batchNo, reason));
    }
}
