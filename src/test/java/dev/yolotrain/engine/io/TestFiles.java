package dev.yolotrain.engine.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.function.Executable;

/** Helpers that build tensors and hand-made (often broken) files for the io tests. */
final class TestFiles {

    private TestFiles() {
    }

    /** One tensor of every dtype with distinctive bytes. */
    static List<HostTensor> oneOfEachType() {
        return java.util.Arrays.stream(TensorType.values()).map(t -> {
            long[] shape = {2, 3};
            byte[] data = new byte[6 * t.byteSize()];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 37 + t.ordinal());
            }
            if (t == TensorType.BOOL) {
                for (int i = 0; i < data.length; i++) {
                    data[i] = (byte) (i % 2);
                }
            }
            return HostTensor.of(t, shape, data);
        }).toList();
    }

    static byte[] le(long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    /** A safetensors file with the given header text (unpadded) and data bytes. */
    static Path safetensors(Path file, String json, byte[] data) throws IOException {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        return raw(file, le(h.length), h, data);
    }

    static Path raw(Path file, byte[]... parts) throws IOException {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        Files.write(file, b.array());
        return file;
    }

    /** A .npy with a version 1.0 header of the given text. */
    static byte[] npy(String header, byte[] data) {
        return npy(1, header, data);
    }

    static byte[] npy(int major, String header, byte[] data) {
        byte[] h = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int lenBytes = major == 1 ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(8 + lenBytes + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) h.length);
        } else {
            b.putInt(h.length);
        }
        b.put(h).put(data);
        return b.array();
    }

    /** Asserts a TensorFileException whose message contains every fragment. */
    static TensorFileException assertFails(Executable call, String... fragments) {
        TensorFileException e = assertThrows(TensorFileException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message \"" + e.getMessage() + "\" lacks \"" + f + "\"");
        }
        return e;
    }
}
