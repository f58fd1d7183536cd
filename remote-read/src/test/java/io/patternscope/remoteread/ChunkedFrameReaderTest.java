package io.patternscope.remoteread;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class ChunkedFrameReaderTest {

    static byte[] frame(byte[] message, boolean corruptChecksum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long size = message.length;
        while (size >= 0x80) {
            out.write((int) (size & 0x7f) | 0x80);
            size >>>= 7;
        }
        out.write((int) size);
        CRC32C crc = new CRC32C();
        crc.update(message);
        long c = crc.getValue() ^ (corruptChecksum ? 1 : 0);
        out.write((int) (c >>> 24));
        out.write((int) (c >>> 16));
        out.write((int) (c >>> 8));
        out.write((int) c);
        out.writeBytes(message);
        return out.toByteArray();
    }

    @Test
    void readsFramesInOrderAndEndsCleanly() throws IOException {
        byte[] big = new byte[300];
        Arrays.fill(big, (byte) 7);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(frame(new byte[] {1, 2, 3}, false));
        stream.writeBytes(frame(big, false));
        ChunkedFrameReader reader = new ChunkedFrameReader(new ByteArrayInputStream(stream.toByteArray()), 1 << 20);
        assertArrayEquals(new byte[] {1, 2, 3}, reader.next());
        assertArrayEquals(big, reader.next());
        assertNull(reader.next());
    }

    @Test
    void aWrongChecksumIsRejected() {
        ChunkedFrameReader reader = new ChunkedFrameReader(new ByteArrayInputStream(frame(new byte[] {9, 9}, true)), 1 << 20);
        IOException e = assertThrows(IOException.class, reader::next);
        assertTrue(e.getMessage().contains("checksum mismatch"));
    }

    @Test
    void truncatedAndOversizedFramesAreRejected() {
        byte[] whole = frame(new byte[100], false);
        assertThrows(EOFException.class,
                () -> new ChunkedFrameReader(new ByteArrayInputStream(Arrays.copyOf(whole, 50)), 1 << 20).next());
        IOException e = assertThrows(IOException.class, () -> new ChunkedFrameReader(new ByteArrayInputStream(whole), 10).next());
        assertTrue(e.getMessage().contains("exceeds"));
    }
}
