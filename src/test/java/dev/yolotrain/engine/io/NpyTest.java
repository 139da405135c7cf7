package dev.yolotrain.engine.io;

import static dev.yolotrain.engine.io.TestFiles.assertFails;
import static dev.yolotrain.engine.io.TestFiles.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class NpyTest {

    private static HostTensor read(byte[] bytes) {
        return Npy.read(new ByteArrayInputStream(bytes), "x.npy");
    }

    private static byte[] f32(ByteOrder order, float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(order);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    @Test
    void roundTripsEveryNumpyDtype() throws IOException {
        for (HostTensor t : TestFiles.oneOfEachType()) {
            if (t.type() == TensorType.BF16) {
                continue;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Npy.write(out, t);
            byte[] bytes = out.toByteArray();
            assertEquals(0, (bytes.length - t.byteSize()) % 64, "data starts 64-byte aligned");
            assertEquals(t, read(bytes));
        }
    }

    @Test
    void bf16CannotBeWritten() {
        HostTensor t = HostTensor.of(TensorType.BF16, new long[] {1}, new byte[2]);
        assertFails(() -> Npy.write(new ByteArrayOutputStream(), t), "BF16", "F32");
    }

    @Test
    void readsScalarsOneDimensionalAndEmptyShapes() throws IOException {
        HostTensor s = read(npy("{'descr': '<i8', 'fortran_order': False, 'shape': (), }\n", TestFiles.le(-3)));
        assertArrayEquals(new long[0], s.shape());
        assertArrayEquals(new long[] {-3}, s.toLongArray());
        HostTensor v = read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
                f32(ByteOrder.LITTLE_ENDIAN, 1.5f, -2f)));
        assertArrayEquals(new long[] {2}, v.shape());
        assertArrayEquals(new float[] {1.5f, -2f}, v.toFloatArray());
        HostTensor e = read(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 3), }", new byte[0]));
        assertArrayEquals(new long[] {0, 3}, e.shape());
        HostTensor written = HostTensor.ofFloats(new long[0], new float[] {7});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, written);
        assertEquals(written, read(out.toByteArray()));
    }

    @Test
    void convertsBigEndian() {
        HostTensor t = read(npy("{'descr': '>f4', 'fortran_order': False, 'shape': (3,), }",
                f32(ByteOrder.BIG_ENDIAN, 1f, -2.5f, 65504f)));
        assertEquals(TensorType.F32, t.type());
        assertArrayEquals(new float[] {1f, -2.5f, 65504f}, t.toFloatArray());
        HostTensor h = read(npy("{'descr': '>f2', 'fortran_order': False, 'shape': (1,), }",
                new byte[] {(byte) 0xC1, 0x00}));
        assertArrayEquals(new float[] {-2.5f}, h.toFloatArray());
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(-123456789012L);
        assertArrayEquals(new long[] {-123456789012L},
                read(npy("{'descr': '>i8', 'fortran_order': False, 'shape': (1,), }", b.array())).toLongArray());
        assertArrayEquals(new long[] {200}, read(npy("{'descr': '>u1', 'fortran_order': False, 'shape': (1,), }",
                new byte[] {(byte) 200})).toLongArray());
    }

    @Test
    void readsVersions2And3AndOldHeaderSyntax() {
        byte[] d = f32(ByteOrder.LITTLE_ENDIAN, 4f);
        assertArrayEquals(new float[] {4f},
                read(npy(2, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", d)).toFloatArray());
        assertArrayEquals(new float[] {4f},
                read(npy(3, "{\"descr\": \"<f4\", \"shape\": (1, ), \"fortran_order\": False}", d)).toFloatArray());
        // Python 2 numpy wrote longs with an L suffix
        assertArrayEquals(new long[] {1, 1},
                read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1L, 1L), }", d)).shape());
    }

    @Test
    void fortranOrderOnlyForAtMostOneDimension() {
        byte[] d = f32(ByteOrder.LITTLE_ENDIAN, 1f, 2f);
        assertArrayEquals(new float[] {1f, 2f},
                read(npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }", d)).toFloatArray());
        assertFails(() -> read(npy("{'descr': '<f4', 'fortran_order': True, 'shape': (1, 2), }", d)),
                "x.npy", "Fortran-order");
        assertFails(() -> read(npy("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,), }", d)), "fortran_order");
    }

    @Test
    void rejectsMalformedHeaders() {
        byte[] d = new byte[4];
        assertFails(() -> read("not numpy at all".getBytes()), "x.npy", "magic");
        assertFails(() -> read(new byte[] {(byte) 0x93, 'N', 'U'}), "x.npy", "magic");
        assertFails(() -> read(npy(4, "{}", d)), "version 4.0");
        assertFails(() -> read(npy("{'descr': '<u2', 'fortran_order': False, 'shape': (1,), }", d)), "'<u2'");
        assertFails(() -> read(npy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", d)), "pickle");
        assertFails(() -> read(npy("{'descr': '|f4', 'fortran_order': False, 'shape': (1,), }", d)), "byte order");
        assertFails(() -> read(npy("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", d)),
                "structured");
        assertFails(() -> read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': [1], }", d)), "tuple");
        assertFails(() -> read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1), }", d)), "tuple");
        assertFails(() -> read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", d)), "dimension");
        assertFails(() -> read(npy("{'descr': '<f4', 'shape': (1,), }", d)), "keys");
        assertFails(() -> read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}", d)), "keys");
        assertFails(() -> read(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,)", d)), "malformed");
        assertFails(() -> read(npy("{'descr': '<f4', 'fortran_order': Nope, 'shape': (1,)}", d)), "malformed");
    }

    @Test
    void rejectsTruncatedData() {
        byte[] full = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", new byte[12]);
        assertFails(() -> read(java.util.Arrays.copyOf(full, full.length - 1)), "x.npy", "truncated", "12");
        assertFails(() -> read(java.util.Arrays.copyOf(full, 20)), "x.npy", "truncated");
    }
}
