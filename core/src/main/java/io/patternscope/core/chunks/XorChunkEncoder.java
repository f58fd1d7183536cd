package io.patternscope.core.chunks;

import java.io.ByteArrayOutputStream;

/**
 * Writes XOR chunks following the table in README.md (Prometheus's {@code xorAppender}): used by
 * the round-trip tests and by tests that play a remote-read backend. Not thread-safe.
 */
public final class XorChunkEncoder {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long current;
    private int bitsInCurrent;
    private int count;
    private long lastT;
    private long lastDelta;
    private long lastBits;
    private int leading = 0xff;
    private int trailing;

    public void append(long t, double v) {
        long bits = Double.doubleToRawLongBits(v);
        if (count == 0) {
            writeVarint(t);
            writeBits(bits, 64);
        } else if (count == 1) {
            lastDelta = t - lastT;
            writeUvarint(lastDelta);
            writeValue(bits);
        } else {
            long delta = t - lastT;
            long dod = delta - lastDelta;
            if (dod == 0) {
                writeBits(0, 1);
            } else if (fits(dod, 14)) {
                writeBits(0b10, 2);
                writeBits(dod, 14);
            } else if (fits(dod, 17)) {
                writeBits(0b110, 3);
                writeBits(dod, 17);
            } else if (fits(dod, 20)) {
                writeBits(0b1110, 4);
                writeBits(dod, 20);
            } else {
                writeBits(0b1111, 4);
                writeBits(dod, 64);
            }
            lastDelta = delta;
            writeValue(bits);
        }
        lastT = t;
        lastBits = bits;
        count++;
    }

    private static boolean fits(long x, int nbits) {
        return -((1L << (nbits - 1)) - 1) <= x && x <= 1L << (nbits - 1);
    }

    private void writeValue(long bits) {
        long xor = bits ^ lastBits;
        if (xor == 0) {
            writeBits(0, 1);
            return;
        }
        writeBits(1, 1);
        int lead = Math.min(31, Long.numberOfLeadingZeros(xor));
        int trail = Long.numberOfTrailingZeros(xor);
        if (leading != 0xff && lead >= leading && trail >= trailing) {
            writeBits(0, 1);
            writeBits(xor >>> trailing, 64 - leading - trailing);
            return;
        }
        leading = lead;
        trailing = trail;
        writeBits(1, 1);
        writeBits(lead, 5);
        int meaningful = 64 - lead - trail;
        writeBits(meaningful == 64 ? 0 : meaningful, 6);
        writeBits(xor >>> trail, meaningful);
    }

    private void writeUvarint(long v) {
        while ((v & ~0x7fL) != 0) {
            writeBits((v & 0x7f) | 0x80, 8);
            v >>>= 7;
        }
        writeBits(v, 8);
    }

    private void writeVarint(long v) {
        writeUvarint((v << 1) ^ (v >> 63));
    }

    private void writeBits(long value, int n) {
        for (int i = n - 1; i >= 0; i--) {
            current = (current << 1) | ((value >>> i) & 1);
            if (++bitsInCurrent == 8) {
                bytes.write((int) current);
                current = 0;
                bitsInCurrent = 0;
            }
        }
    }

    public byte[] toChunk() {
        byte[] body = bytes.toByteArray();
        int extra = bitsInCurrent > 0 ? 1 : 0;
        byte[] chunk = new byte[2 + body.length + extra];
        chunk[0] = (byte) (count >>> 8);
        chunk[1] = (byte) count;
        System.arraycopy(body, 0, chunk, 2, body.length);
        if (extra == 1) {
            chunk[chunk.length - 1] = (byte) (current << (8 - bitsInCurrent));
        }
        return chunk;
    }
}
