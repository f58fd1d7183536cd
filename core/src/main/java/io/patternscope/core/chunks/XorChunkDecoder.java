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
        bits = slowValue(in, bits, leading, trailing);
        leading = in.leading;
        trailing = in.trailing;
        timestamps[offset + 1] = t;
        values[offset + 1] = Double.longBitsToDouble(bits);
        // Hot loop: the bit buffer lives in locals (no object state), refilled 8 bytes at a time.
        long buffer = in.buffer();
        int available = in.available();
        int next = in.nextByte();
        final int end = chunk.length;
        for (int i = 2; i < n; i++) {
            if (available < 56) {
                if (next + 8 <= end) {
                    long word = ((chunk[next] & 0xffL) << 56) | ((chunk[next + 1] & 0xffL) << 48)
                            | ((chunk[next + 2] & 0xffL) << 40) | ((chunk[next + 3] & 0xffL) << 32)
                            | ((chunk[next + 4] & 0xffL) << 24) | ((chunk[next + 5] & 0xffL) << 16)
                            | ((chunk[next + 6] & 0xffL) << 8) | (chunk[next + 7] & 0xffL);
                    buffer |= word >>> available;
                    int bytes = (64 - available) >>> 3;
                    next += bytes;
                    available += bytes << 3;
                } else {
                    while (available <= 56 && next < end) {
                        buffer |= (chunk[next++] & 0xffL) << (56 - available);
                        available += 8;
                    }
                }
            }
            if (available >= 56) {
                // Fast path: a whole sample's prefixes and small payloads fit in the buffer.
                long dod;
                if (buffer >= 0) {                       // 0: dod = 0
                    buffer <<= 1;
                    available -= 1;
                    dod = 0;
                } else if ((buffer << 1) >= 0) {       // 10 + 14 bits
                    dod = signed((buffer << 2) >>> 50, 14);
                    buffer <<= 16;
                    available -= 16;
                } else {
                    in.reset(buffer, available, next);
                    dod = slowDod(in);
                    buffer = in.buffer();
                    available = in.available();
                    next = in.nextByte();
                    if (available < 16) {
                        in.reset(buffer, available, next);
                        bits = slowValue(in, bits, leading, trailing);
                        leading = in.leading;
                        trailing = in.trailing;
                        buffer = in.buffer();
                        available = in.available();
                        next = in.nextByte();
                        delta += dod;
                        t += delta;
                        timestamps[offset + i] = t;
                        values[offset + i] = Double.longBitsToDouble(bits);
                        continue;
                    }
                }
                delta += dod;
                t += delta;
                // Value: 0 | 10 + meaningful | 11 + 5 + 6 + meaningful
                if (buffer >= 0) {
                    buffer <<= 1;
                    available -= 1;
                } else {
                    boolean newWindow = (buffer << 1) < 0;
                    buffer <<= 2;
                    available -= 2;
                    if (newWindow) {
                        int window = (int) (buffer >>> 53);
                        buffer <<= 11;
                        available -= 11;
                        leading = window >>> 6;
                        int meaningful = window & 0x3f;
                        if (meaningful == 0) {
                            meaningful = 64;
                        }
                        trailing = 64 - leading - meaningful;
                    }
                    int meaningful = 64 - leading - trailing;
                    if (meaningful > available) {
                        in.reset(buffer, available, next);
                        bits ^= in.read(meaningful) << trailing;
                        buffer = in.buffer();
                        available = in.available();
                        next = in.nextByte();
                    } else {
                        bits ^= (buffer >>> (64 - meaningful)) << trailing;
                        buffer = meaningful == 64 ? 0 : buffer << meaningful;
                        available -= meaningful;
                    }
                }
            } else {
                // Near the end of the chunk: the careful reader, with its bounds checks.
                in.reset(buffer, available, next);
                delta += slowDod(in);
                t += delta;
                bits = slowValue(in, bits, leading, trailing);
                leading = in.leading;
                trailing = in.trailing;
                buffer = in.buffer();
                available = in.available();
                next = in.nextByte();
            }
            if (available < 0) {
                throw new IllegalArgumentException("truncated chunk: sample " + i + " of " + n + " runs past the end");
            }
            timestamps[offset + i] = t;
            values[offset + i] = Double.longBitsToDouble(bits);
        }
        return n;
    }

    private static long slowDod(BitReader in) {
        if (!in.readBit()) {
            return 0;
        }
        if (!in.readBit()) {
            return signed(in.read(14), 14);
        }
        if (!in.readBit()) {
            return signed(in.read(17), 17);
        }
        if (!in.readBit()) {
            return signed(in.read(20), 20);
        }
        return in.read(64);
    }

    /** Reads one XOR-coded value; leaves the (possibly new) window in {@code in.leading/trailing}. */
    private static long slowValue(BitReader in, long bits, int leading, int trailing) {
        in.leading = leading;
        in.trailing = trailing;
        if (!in.readBit()) {
            return bits;
        }
        if (in.readBit()) {
            in.leading = (int) in.read(5);
            int meaningful = (int) in.read(6);
            if (meaningful == 0) {
                meaningful = 64;
            }
            in.trailing = 64 - in.leading - meaningful;
        }
        return bits ^ (in.read(64 - in.leading - in.trailing) << in.trailing);
    }

    /** Two's complement of an {@code size}-bit field, the way Prometheus reads delta-of-deltas. */
    private static long signed(long raw, int size) {
        return raw > (1L << (size - 1)) ? raw - (1L << size) : raw;
    }
}
