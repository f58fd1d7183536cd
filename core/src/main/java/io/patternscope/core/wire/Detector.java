package io.patternscope.core.wire;

/** The screening detectors; a finding names the ones that fired on its series. */
public enum Detector {
    /** Two-sample Kolmogorov–Smirnov between the test window and the reference, with the minimum effect size. */
    KS,
    /** The latest points beyond anything in the reference ({@code core/.../screening/RecentExtremes}). */
    RECENT_EXTREME,
    /** The test window holds a shape unlike anything in the reference ({@code core/.../screening/Discords}). */
    DISCORD
}
