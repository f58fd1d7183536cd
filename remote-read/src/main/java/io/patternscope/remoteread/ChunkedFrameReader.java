package io.patternscope.remoteread;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * Splits a {@code STREAMED_XOR_CHUNKS} response into its frames as they arrive:
 * {@code uvarint(size) · CRC-32C(message) as 4 big-endian bytes · message}. The checksum is verified;
 * a mismatch, a truncated frame or a frame over {@code maxFrameBytes} is an {@link IOException}.
 * One frame is held at a time. Not thread-safe.
 */
public final class ChunkedFrameReader {

    private final InputStream in;
    private final int maxFrameBytes;
    private final CRC32C crc = new CRC32C();

    public ChunkedFrameReader(InputStream in, int maxFrameBytes) {
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** The next message, or null at a clean end of stream. */
    public byte[] next() throws IOException {
        long size = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.read();
            if (b < 0) {
                if (shift == 0) {
                    return null;
                }
                throw new EOFException("stream ended inside a frame header");
            }
            if (shift > 35) {
                throw new IOException("frame size varint is too long");
            }
            size |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (size > maxFrameBytes) {
            throw new IOException("frame of " + size + " bytes exceeds the limit of " + maxFrameBytes);
        }
        byte[] checksum = in.readNBytes(4);
        if (checksum.length < 4) {
            throw new EOFException("stream ended inside a frame checksum");
        }
        byte[] message = in.readNBytes((int) size);
        if (message.length < size) {
            throw new EOFException("stream ended inside a frame: " + message.length + " of " + size + " bytes");
        }
        long expected = ((checksum[0] & 0xffL) << 24) | ((checksum[1] & 0xffL) << 16) | ((checksum[2] & 0xffL) << 8)
                | (checksum[3] & 0xffL);
        crc.reset();
        crc.update(message);
        if (crc.getValue() != expected) {
            throw new IOException(String.format("frame checksum mismatch: CRC-32C %08x, frame says %08x", crc.getValue(), expected));
        }
        return message;
    }
}
