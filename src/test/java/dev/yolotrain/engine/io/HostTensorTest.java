package dev.yolotrain.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class HostTensorTest {

    @Test
    void floatsRoundTripBitExactly() {
        float[] v = {1f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY,
            Float.intBitsToFloat(0x7fc01234), 0.1f};
        HostTensor t = HostTensor.ofFloats(new long[] {7}, v);
        assertEquals(TensorType.F32, t.type());
        assertTrue(t.isFloatingPoint());
        float[] back = t.toFloatArray();
        for (int i = 0; i < v.length; i++) {
            assertEquals(Float.floatToRawIntBits(v[i]), Float.floatToRawIntBits(back[i]));
        }
    }

    @Test
    void longsRoundTripAndShapes() {
        long[] v = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE, 42, 7};
        HostTensor t = HostTensor.ofLongs(new long[] {2, 3}, v);
        assertEquals(TensorType.I64, t.type());
        assertFalse(t.isFloatingPoint());
        assertArrayEquals(v, t.toLongArray());
        assertEquals(6, t.numel());
        assertEquals(2, t.ndim());
        assertArrayEquals(new long[] {2, 3}, t.shape());
        assertEquals(48, t.byteSize());
    }

    @Test
    void scalarAndEmpty() {
        HostTensor scalar = HostTensor.ofFloats(new long[0], new float[] {3.5f});
        assertEquals(1, scalar.numel());
        assertEquals(0, scalar.ndim());
        HostTensor empty = HostTensor.ofFloats(new long[] {0, 5}, new float[0]);
        assertEquals(0, empty.numel());
        assertEquals(0, empty.toFloatArray().length);
        assertEquals(0, HostTensor.of(TensorType.BF16, new long[] {4, 0}, new byte[0]).numel());
    }

    @Test
    void isImmutable() {
        long[] shape = {2};
        float[] data = {1, 2};
        HostTensor t = HostTensor.ofFloats(shape, data);
        shape[0] = 9;
        data[0] = 9;
        t.shape()[0] = 9;
        t.toFloatArray()[0] = 9;
        t.toByteArray()[0] = 9;
        assertArrayEquals(new long[] {2}, t.shape());
        assertArrayEquals(new float[] {1, 2}, t.toFloatArray());
        byte[] raw = new byte[] {1, 2};
        HostTensor u = HostTensor.of(TensorType.U8, new long[] {2}, raw);
        raw[0] = 9;
        assertArrayEquals(new long[] {1, 2}, u.toLongArray());
    }

    @Test
    void rejectsBadShapesAndSizes() {
        assertThrows(IllegalArgumentException.class, () -> HostTensor.ofFloats(new long[] {3}, new float[2]));
        assertThrows(IllegalArgumentException.class, () -> HostTensor.ofFloats(new long[] {-1}, new float[0]));
        assertThrows(IllegalArgumentException.class, () -> HostTensor.of(TensorType.I32, new long[] {2}, new byte[7]));
        assertThrows(IllegalArgumentException.class,
            () -> HostTensor.of(TensorType.F32, new long[] {1L << 40, 1L << 40}, new byte[0]));
    }

    @Test
    void convertsEveryTypeToFloatsAndLongs() {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putDouble(-2.75).putDouble(1e300).putDouble(Double.NaN);
        HostTensor f64 = HostTensor.of(TensorType.F64, new long[] {3}, b.array());
        float[] f = f64.toFloatArray();
        assertEquals(-2.75f, f[0]);
        assertEquals(Float.POSITIVE_INFINITY, f[1]);
        assertTrue(Float.isNaN(f[2]));
        assertArrayEquals(new long[] {-2, Long.MAX_VALUE, 0}, f64.toLongArray());

        HostTensor f16 = HostTensor.of(TensorType.F16, new long[] {3}, new byte[] {0x00, 0x3C, 0x00, (byte) 0xC1,
            (byte) 0xFF, 0x7B});
        assertArrayEquals(new float[] {1f, -2.5f, 65504f}, f16.toFloatArray());
        assertArrayEquals(new long[] {1, -2, 65504}, f16.toLongArray());

        HostTensor bf16 = HostTensor.of(TensorType.BF16, new long[] {2}, new byte[] {(byte) 0x80, 0x3F, 0x20,
            (byte) 0xC0});
        assertArrayEquals(new float[] {1f, -2.5f}, bf16.toFloatArray());

        b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-7).putInt(Integer.MAX_VALUE);
        HostTensor i32 = HostTensor.of(TensorType.I32, new long[] {2}, b.array());
        assertArrayEquals(new long[] {-7, Integer.MAX_VALUE}, i32.toLongArray());
        assertArrayEquals(new float[] {-7f, 2147483647f}, i32.toFloatArray());

        HostTensor i16 = HostTensor.of(TensorType.I16, new long[] {2}, new byte[] {(byte) 0xFF, (byte) 0xFF, 0, 1});
        assertArrayEquals(new long[] {-1, 256}, i16.toLongArray());
        assertArrayEquals(new float[] {-1f, 256f}, i16.toFloatArray());

        byte[] bytes = {(byte) 0xFF, 5, 0};
        assertArrayEquals(new long[] {-1, 5, 0}, HostTensor.of(TensorType.I8, new long[] {3}, bytes).toLongArray());
        assertArrayEquals(new float[] {255, 5, 0}, HostTensor.of(TensorType.U8, new long[] {3}, bytes).toFloatArray());
        assertArrayEquals(new long[] {255, 5, 0}, HostTensor.of(TensorType.U8, new long[] {3}, bytes).toLongArray());
        assertArrayEquals(new float[] {1, 1, 0}, HostTensor.of(TensorType.BOOL, new long[] {3}, bytes).toFloatArray());
        assertArrayEquals(new long[] {1, 1, 0}, HostTensor.of(TensorType.BOOL, new long[] {3}, bytes).toLongArray());

        HostTensor f32 = HostTensor.ofFloats(new long[] {3}, new float[] {-1.9f, 2.9f, Float.NaN});
        assertArrayEquals(new long[] {-1, 2, 0}, f32.toLongArray());
    }

    @Test
    void equalityIsByTypeShapeAndBytes() {
        HostTensor a = HostTensor.ofFloats(new long[] {2}, new float[] {1, 2});
        assertEquals(a, HostTensor.ofFloats(new long[] {2}, new float[] {1, 2}));
        assertEquals(a.hashCode(), HostTensor.ofFloats(new long[] {2}, new float[] {1, 2}).hashCode());
        assertNotEquals(a, HostTensor.ofFloats(new long[] {1, 2}, new float[] {1, 2}));
        assertNotEquals(a, HostTensor.of(TensorType.I32, new long[] {2}, a.toByteArray()));
        assertEquals("HostTensor[F32 [2]]", a.toString());
    }
}
