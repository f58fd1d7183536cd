package io.patternscope.core.chunks;

/**
 * Reads a big-endian bit stream (most significant bit of each byte first), as Prometheus's
 * {@code bstream} writes it. Bits are served from a 64-bit buffer refilled from the array, so the
 * common reads (one bit, a few bits) touch no memory. Reading past the end throws
 * {@link IllegalArgumentException} ("truncated chunk"). Not thread-safe.
 */
final class BitReader {

    private final byte[] data;
    private final int end;
    /** The XOR window of the slow path, carried between calls by the decoder. */
    int leading;
    int trailing;
    private int next;
    /** Unread bits, left-aligned: the next bit is the most significant one. */
    private long buffer;
    private int available;

    BitReader(byte[] data, int offsetBytes, int lengthBytes) {
        this.data = data;
        this.next = offsetBytes;
        this.end = offsetBytes + lengthBytes;
    }

    private void refill() {
        if (next + 8 <= end) {
            // One 8-byte load; only whole bytes count as available. The bits of a partly taken byte
            // already sit where that byte goes, so the next refill ORs the same bits in again.
            long word = ((data[next] & 0xffL) << 56) | ((data[next + 1] & 0xffL) << 48)
                    | ((data[next + 2] & 0xffL) << 40) | ((data[next + 3] & 0xffL) << 32)
                    | ((data[next + 4] & 0xffL) << 24) | ((data[next + 5] & 0xffL) << 16)
                    | ((data[next + 6] & 0xffL) << 8) | (data[next + 7] & 0xffL);
            buffer |= word >>> available;
            int bytes = (64 - available) >>> 3;
            next += bytes;
            available += bytes << 3;
            return;
        }
        while (available <= 56 && next < end) {
            buffer |= (data[next++] & 0xffL) << (56 - available);
            available += 8;
        }
    }

    long buffer() {
        return buffer;
    }

    int available() {
        return available;
    }

    int nextByte() {
        return next;
    }

    /** Takes over the state of the decoder's local copy of this reader. */
    void reset(long buffer, int available, int next) {
        this.buffer = available == 0 ? 0 : buffer;
        this.available = available;
        this.next = next;
    }

    /** Up to 64 bits as an unsigned value. */
    long read(int bits) {
        if (bits > 56) {
            long high = read(bits - 32);
            return (high << 32) | read(32);
        }
        if (available < bits) {
            refill();
            if (available < bits) {
                throw new IllegalArgumentException("truncated chunk: " + bits + " bits wanted, " + available + " left");
            }
        }
        long value = buffer >>> (64 - bits);
        buffer <<= bits;
        available -= bits;
        return value;
    }

    boolean readBit() {
        if (available == 0) {
            refill();
            if (available == 0) {
                throw new IllegalArgumentException("truncated chunk: no bits left");
            }
        }
        boolean bit = buffer < 0;
        buffer <<= 1;
        available--;
        return bit;
    }

    /** Unsigned LEB128 varint, read 8 bits at a time (the stream need not be byte-aligned). */
    long readUvarint() {
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            long b = read(8);
            result |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("varint overflows 64 bits");
    }

    /** Zig-zag signed varint, as Go's binary.ReadVarint. */
    long readVarint() {
        long u = readUvarint();
        long x = u >>> 1;
        return (u & 1) != 0 ? ~x : x;
    }
}
