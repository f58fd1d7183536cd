package io.patternscope.bus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The parts both binary frames share: 4 magic bytes, then a length-prefixed JSON part, then raw
 * big-endian doubles. Every length read is checked against what is left, so a corrupt frame is an
 * IllegalArgumentException (a poison message), never an allocation of what a stray int claims.
 */
final class FrameParts {

    static final int MAGIC_LENGTH = 4;

    private FrameParts() {
    }

    static boolean startsWith(byte[] payload, byte[] magic) {
        if (payload.length < MAGIC_LENGTH) {
            return false;
        }
        for (int i = 0; i < MAGIC_LENGTH; i++) {
            if (payload[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads the JSON part's length after the magic bytes, leaving {@code in} at the JSON's first byte. */
    static int jsonLength(ByteBuffer in) {
        in.position(MAGIC_LENGTH);
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("the JSON part claims " + length + " bytes");
        }
        return length;
    }

    static void putDoubles(ByteBuffer out, double[] values) {
        out.asDoubleBuffer().put(values);
        out.position(out.position() + 8 * values.length);
    }

    static double[] getDoubles(ByteBuffer in, int count) {
        if (count < 0 || 8L * count > in.remaining()) {
            throw new IllegalArgumentException("value count " + count);
        }
        double[] values = new double[count];
        in.asDoubleBuffer().get(values);
        in.position(in.position() + 8 * count);
        return values;
    }

    /** A length-prefixed UTF-8 string. */
    static void putString(ByteBuffer out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.putInt(bytes.length).put(bytes);
    }

    static String getString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("string length " + length);
        }
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }
}
