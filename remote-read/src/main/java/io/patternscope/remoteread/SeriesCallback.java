package io.patternscope.remoteread;

import java.util.Map;

/**
 * Receives each series of a remote-read answer as soon as it is decoded. The arrays are reused
 * for the next series: copy what must outlive the call.
 */
@FunctionalInterface
public interface SeriesCallback {
    void accept(Map<String, String> labels, long[] timestamps, double[] values, int count);
}
