package org.officialblogs.crawl.fetch;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Builds a valid gzip body of many mebibytes of zeros in milliseconds, by repeating one fully flushed block. */
final class CompressionBombs {

    private static final int MIB = 1 << 20;

    private CompressionBombs() {
    }

    static byte[] gzipOfZeros(int mebibytes) {
        byte[] zeros = new byte[MIB];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(zeros);
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        do {
            // a full flush resets the compressor, so the block refers to nothing before it and can be repeated
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            block.write(buffer, 0, n);
        } while (n == buffer.length);
        deflater.end();

        CRC32 crc = new CRC32();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        byte[] oneMib = block.toByteArray();
        for (int i = 0; i < mebibytes; i++) {
            out.writeBytes(oneMib);
            crc.update(zeros);
        }
        out.writeBytes(new byte[] {0x03, 0x00}); // final empty block with fixed Huffman codes
        writeLittleEndian(out, crc.getValue());
        writeLittleEndian(out, (long) mebibytes * MIB);
        return out.toByteArray();
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xFF);
        }
    }
}
