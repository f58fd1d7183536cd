package io.patternscope.core.wire;

/** Outcome of screening one series; every series of an analysis gets exactly one. */
public enum ScreeningStatus {
    /** KS test ran; whether the series changed is decided across the analysis (Benjamini–Hochberg). */
    TESTED,
    /** Fewer valid points than the windows need (gaps, short series, a single sample). */
    INSUFFICIENT_DATA,
    /** Both windows hold one and the same value: nothing can change. */
    CONSTANT,
    /**
     * A cumulative counter that reached the detector as raw values (its name did not say so): it
     * only ever grows, so KS would flag it every time. Screening it needs its rate.
     */
    UNCONVERTED_COUNTER,
    /**
     * Screening (or classifying) this one series threw: the sentence travels with it, and the rest
     * of its batch goes on. Counted and named in the report.
     */
    ERROR
}
