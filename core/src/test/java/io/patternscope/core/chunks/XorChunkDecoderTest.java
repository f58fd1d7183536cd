package io.patternscope.core.chunks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class XorChunkDecoderTest {

    private static void roundTrip(long[] t, double[] v) {
        XorChunkEncoder encoder = new XorChunkEncoder();
        for (int i = 0; i < t.length; i++) {
            encoder.append(t[i], v[i]);
        }
        byte[] chunk = encoder.toChunk();
        long[] outT = new long[t.length];
        double[] outV = new double[t.length];
        assertEquals(t.length, XorChunkDecoder.decode(chunk, outT, outV, 0));
        assertArrayEquals(t, outT);
        for (int i = 0; i < v.length; i++) {
            assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(outV[i]), "value " + i);
        }
    }

    @Test
    void randomizedRoundTripsOfEveryShape() {
        Random random = new Random(2015);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(240);
            long[] t = new long[n];
            double[] v = new double[n];
            t[0] = (random.nextBoolean() ? 1 : -1) * (long) (random.nextDouble() * 2e12);
            int shape = trial % 5;
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    long jitter = switch (shape) {
                        case 0 -> 0; // regular scrapes
                        case 1 -> random.nextInt(200) - 100; // jitter: 14-bit dods
                        case 2 -> random.nextInt(100_000); // 17/20-bit dods
                        case 3 -> (long) (random.nextDouble() * 1e10); // 64-bit dods
                        default -> random.nextInt(3) == 0 ? 0 : 15_000; // duplicates among regular steps
                    };
                    t[i] = t[i - 1] + (shape == 4 ? jitter : 15_000 + jitter);
                }
                v[i] = switch (trial % 4) {
                    case 0 -> 42; // constant
                    case 1 -> Math.round(random.nextGaussian() * 100); // integers
                    case 2 -> random.nextGaussian() * 1e6;
                    default -> Double.longBitsToDouble(random.nextLong()); // any bits, NaNs included
                };
            }
            roundTrip(t, v);
        }
    }

    @Test
    void longChunksMixingEveryCodeDecodeAcrossManyRefills() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2000 + random.nextInt(3000);
            long[] t = new long[n];
            double[] v = new double[n];
            for (int i = 1; i < n; i++) {
                int kind = random.nextInt(10);
                long step = kind < 6 ? 15_000 : kind < 8 ? 15_000 + random.nextInt(8000) - 4000
                        : kind == 8 ? random.nextInt(600_000) : (long) (random.nextDouble() * 1e11);
                t[i] = t[i - 1] + step;
                v[i] = switch (random.nextInt(4)) {
                    case 0 -> v[i - 1];
                    case 1 -> Math.round(random.nextGaussian() * 50);
                    case 2 -> random.nextGaussian();
                    default -> Double.longBitsToDouble(random.nextLong());
                };
            }
            roundTrip(t, v);
        }
    }

    @Test
    void specialValuesSurviveBitForBit() {
        double stale = Double.longBitsToDouble(XorChunkDecoder.STALE_NAN_BITS);
        roundTrip(new long[] {1000, 16000, 31000, 46000, 61000, 76000},
                new double[] {1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, stale, -0.0});
    }

    @Test
    void singleSampleChunksAndDuplicateTimestamps() {
        roundTrip(new long[] {1_700_000_000_000L}, new double[] {3.25});
        roundTrip(new long[] {5, 5, 5, 20}, new double[] {1, 2, 2, 3});
    }

    @Test
    void counterResetsAreJustValues() {
        roundTrip(new long[] {0, 15_000, 30_000, 45_000}, new double[] {1e9, 1e9 + 30, 4, 34});
    }

    @Test
    void truncatedOrOversizedInputIsRejectedWithASentence() {
        XorChunkEncoder encoder = new XorChunkEncoder();
        for (int i = 0; i < 50; i++) {
            encoder.append(i * 15_000L, Math.sin(i));
        }
        byte[] chunk = encoder.toChunk();
        byte[] truncated = Arrays.copyOf(chunk, chunk.length / 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> XorChunkDecoder.decode(truncated, new long[50], new double[50], 0));
        assertTrue(e.getMessage().contains("truncated"));
        assertThrows(IllegalArgumentException.class, () -> XorChunkDecoder.decode(chunk, new long[10], new double[10], 0));
        assertThrows(IllegalArgumentException.class, () -> XorChunkDecoder.sampleCount(new byte[1]));
    }
}
