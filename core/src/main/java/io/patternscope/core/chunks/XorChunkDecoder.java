package io.patternscope.core.chunks;

/**
 * Decodes Prometheus XOR chunks (Gorilla compression; Pelkonen et al., VLDB 2015, as Prometheus
 * implements it in {@code tsdb/chunkenc/xor.go}). The format is written down in README.md beside
 * this class.
 *
 * <p>Samples are written into caller-owned arrays so decoding allocates nothing per sample. The
 * stale marker (a NaN with bits {@code 0x7ff0000000000002}) and any other NaN come back as NaN;
 * callers treat them as gaps. Duplicate timestamps (delta 0) are decoded as written.
 * Malformed input (truncated, more samples than the header says) throws
 * {@link IllegalArgumentException}. O(samples); thread-safe (no state between calls).
 */
public final class XorChunkDecoder {

    /** The value Prometheus writes to mark a series stale. */
    public static final long STALE_NAN_BITS = 0x7ff0000000000002L;

    private XorChunkDecoder() {
    }

    /** Number of samples the chunk holds, from its 2-byte header. */
    public static int sampleCount(byte[] chunk) {
        if (chunk.length < 2) {
            throw new IllegalArgumentException("chunk of " + chunk.length + " bytes has no header");
        }
        return ((chunk[0] & 0xff) << 8) | (chunk[1] & 0xff);
    }

    /**
     * Decodes all samples into {@code timestamps[offset..]} and {@code values[offset..]}.
     *
     * @return the number of samples decoded ({@link #sampleCount})
     */
    public static int decode(byte[] chunk, long[] timestamps, double[] values, int offset) {
        int n = sampleCount(chunk);
        if (n == 0) {
            return 0;
        }
        if (offset + n > timestamps.length || offset + n > values.length) {
            throw new IllegalArgumentException("output arrays hold " + (timestamps.length - offset) + " samples, chunk has " + n);
        }
        BitReader in = new BitReader(chunk, 2, chunk.length - 2);
        long t = in.readVarint();
        long bits = in.read(64);
        timestamps[offset] = t;
        values[offset] = Double.longBitsToDouble(bits);
        if (n == 1) {
            return 1;
        }
        long delta = in.readUvarint();
        t += delta;
        int leading = 0;
        int trailing = 0;
        // Second sample: value XOR-encoded like the rest.
        if (in.readBit()) {
            if (in.readBit()) {
                leading = (int) in.read(5);
                int meaningful = (int) in.read(6);
                if (meaningful == 0) {
                    meaningful = 64;
                }
                trailing = 64 - leading - meaningful;
            }
            bits ^= in.read(64 - leading - trailing) << trailing;
        }
        timestamps[offset + 1] = t;
        values[offset + 1] = Double.longBitsToDouble(bits);
        for (int i = 2; i < n; i++) {
            // Delta-of-delta: the prefix is at most 4 bits; peek them at once.
            int prefix = in.peek(4);
            long dod;
            if (prefix < 0b1000) {
                in.skip(1);
                dod = 0;
            } else if (prefix < 0b1100) {
                in.skip(2);
                dod = signed(in.read(14), 14);
            } else if (prefix < 0b1110) {
                in.skip(3);
                dod = signed(in.read(17), 17);
            } else if (prefix == 0b1110) {
                in.skip(4);
                dod = signed(in.read(20), 20);
            } else {
                in.skip(4);
                dod = in.read(64);
            }
            delta += dod;
            t += delta;
            int control = in.peek(2);
            if (control < 0b10) {
                in.skip(1);
            } else {
                in.skip(2);
                if (control == 0b11) {
                    int window = (int) in.read(11);
                    leading = window >>> 6;
                    int meaningful = window & 0x3f;
                    if (meaningful == 0) {
                        meaningful = 64;
                    }
                    trailing = 64 - leading - meaningful;
                }
                bits ^= in.read(64 - leading - trailing) << trailing;
            }
            timestamps[offset + i] = t;
            values[offset + i] = Double.longBitsToDouble(bits);
        }
        return n;
    }

    /** Two's complement of an {@code size}-bit field, the way Prometheus reads delta-of-deltas. */
    private static long signed(long raw, int size) {
        return raw > (1L << (size - 1)) ? raw - (1L << size) : raw;
    }
}
