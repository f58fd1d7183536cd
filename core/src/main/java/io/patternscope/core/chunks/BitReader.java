package io.patternscope.core.chunks;

/**
 * Reads a big-endian bit stream (most significant bit of each byte first), as Prometheus's
 * {@code bstream} writes it. Reads of up to 56 bits take one unaligned 8-byte load; the stream is
 * not copied. Reading past the end throws {@link IllegalArgumentException} ("truncated chunk").
 * Not thread-safe.
 */
final class BitReader {

    private final byte[] data;
    private final int endBit;
    private long position;

    BitReader(byte[] data, int offsetBytes, int lengthBytes) {
        this.data = data;
        this.position = (long) offsetBytes * 8;
        this.endBit = (offsetBytes + lengthBytes) * 8;
    }

    /** Up to 64 bits as an unsigned value. */
    long read(int bits) {
        if (bits > 56) {
            long high = read(bits - 32);
            return (high << 32) | read(32);
        }
        long end = position + bits;
        if (end > endBit) {
            throw new IllegalArgumentException("truncated chunk: " + bits + " bits wanted at bit " + position + " of " + endBit);
        }
        int byteIndex = (int) (position >>> 3);
        long word = loadBigEndian(byteIndex);
        long value = (word << (position & 7)) >>> (64 - bits);
        position = end;
        return value;
    }

    boolean readBit() {
        if (position >= endBit) {
            throw new IllegalArgumentException("truncated chunk at bit " + position);
        }
        boolean bit = ((data[(int) (position >>> 3)] >>> (7 - (position & 7))) & 1) != 0;
        position++;
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

    private long loadBigEndian(int byteIndex) {
        if (byteIndex + 8 <= data.length) {
            return ((data[byteIndex] & 0xffL) << 56) | ((data[byteIndex + 1] & 0xffL) << 48)
                    | ((data[byteIndex + 2] & 0xffL) << 40) | ((data[byteIndex + 3] & 0xffL) << 32)
                    | ((data[byteIndex + 4] & 0xffL) << 24) | ((data[byteIndex + 5] & 0xffL) << 16)
                    | ((data[byteIndex + 6] & 0xffL) << 8) | (data[byteIndex + 7] & 0xffL);
        }
        long word = 0;
        for (int i = 0; i < 8; i++) {
            word <<= 8;
            if (byteIndex + i < data.length) {
                word |= data[byteIndex + i] & 0xffL;
            }
        }
        return word;
    }
}
