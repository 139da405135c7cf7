package dev.yolotrain.engine.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable tensor in Java heap memory: a shape, an element type and the elements as little-endian
 * bytes (the safetensors layout, so reading and writing need no conversion). It never touches a native
 * engine, so any dtype can be held even where the engine lacks it.
 */
public final class HostTensor {

    /** The largest Java array; one tensor's data must fit into one byte[]. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private final TensorType type;
    private final long[] shape;
    private final byte[] data; // little-endian, owned (never handed out)

    private HostTensor(TensorType type, long[] shape, byte[] data) {
        this.type = type;
        this.shape = shape;
        this.data = data;
    }

    /** A tensor from raw little-endian element bytes (copied). */
    public static HostTensor of(TensorType type, long[] shape, byte[] littleEndianData) {
        Objects.requireNonNull(littleEndianData, "data");
        return wrap(type, shape, littleEndianData.clone());
    }

    /** An F32 tensor (data copied). */
    public static HostTensor ofFloats(long[] shape, float[] data) {
        long[] s = checkedShape(shape);
        checkCount(s, data.length);
        ByteBuffer buf = ByteBuffer.allocate(Math.multiplyExact(data.length, 4)).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(data);
        return new HostTensor(TensorType.F32, s, buf.array());
    }

    /** An I64 tensor (data copied). */
    public static HostTensor ofLongs(long[] shape, long[] data) {
        long[] s = checkedShape(shape);
        checkCount(s, data.length);
        ByteBuffer buf = ByteBuffer.allocate(Math.multiplyExact(data.length, 8)).order(ByteOrder.LITTLE_ENDIAN);
        buf.asLongBuffer().put(data);
        return new HostTensor(TensorType.I64, s, buf.array());
    }

    /** Takes ownership of {@code data} without a copy; for the readers, which allocate it themselves. */
    static HostTensor wrap(TensorType type, long[] shape, byte[] data) {
        Objects.requireNonNull(type, "type");
        long[] s = checkedShape(shape);
        long bytes = byteSizeOf(type, s);
        if (bytes != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(s) + " of " + type + " needs " + bytes
                    + " bytes, got " + data.length);
        }
        return new HostTensor(type, s, data);
    }

    /**
     * Bytes needed by a tensor of this type and shape.
     *
     * @throws IllegalArgumentException for a negative dimension or a size beyond one Java array
     */
    static long byteSizeOf(TensorType type, long[] shape) {
        long n = numelOf(shape);
        if (n > MAX_BYTES / type.byteSize()) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + type
                    + " is too large for one Java array");
        }
        return n * type.byteSize();
    }

    static long numelOf(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            // a zero dimension makes the whole tensor empty, whatever else overflows
            n = d == 0 || n == 0 ? 0 : multiplyOrMax(n, d);
        }
        return n;
    }

    private static long multiplyOrMax(long a, long b) {
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static long[] checkedShape(long[] shape) {
        long[] s = Objects.requireNonNull(shape, "shape").clone();
        numelOf(s);
        return s;
    }

    private static void checkCount(long[] shape, int count) {
        long n = numelOf(shape);
        if (n != count) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + n
                    + " elements, got " + count + " values");
        }
    }

    public TensorType type() {
        return type;
    }

    /** A copy of the shape; an empty array for a scalar. */
    public long[] shape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    public long numel() {
        return data.length / type.byteSize();
    }

    public boolean isFloatingPoint() {
        return type.isFloatingPoint();
    }

    /** Size of the data in bytes. */
    public int byteSize() {
        return data.length;
    }

    /** A copy of the little-endian element bytes. */
    public byte[] toByteArray() {
        return data.clone();
    }

    /** The owned data array itself, for writers; callers must not modify it. */
    byte[] rawData() {
        return data;
    }

    /** The data as a read-only little-endian view, without a copy (for writers). */
    ByteBuffer buffer() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The elements as floats. F32, F16 and BF16 are exact; F64, I64 and I32 round to the nearest float;
     * U8 is unsigned; BOOL gives 0 or 1.
     */
    public float[] toFloatArray() {
        int n = (int) numel();
        float[] out = new float[n];
        ByteBuffer b = buffer();
        switch (type) {
            case F32 -> b.asFloatBuffer().get(out);
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = HalfFloats.f16ToFloat(b.getShort(2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = HalfFloats.bf16ToFloat(b.getShort(2 * i));
                }
            }
            case F64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) b.getDouble(8 * i);
                }
            }
            case I64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getLong(8 * i);
                }
            }
            case I32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getInt(4 * i);
                }
            }
            case I16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getShort(2 * i);
                }
            }
            case I8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = data[i];
                }
            }
            case U8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = data[i] & 0xff;
                }
            }
            case BOOL -> {
                for (int i = 0; i < n; i++) {
                    out[i] = data[i] != 0 ? 1f : 0f;
                }
            }
            default -> throw new AssertionError(type);
        }
        return out;
    }

    /**
     * The elements as longs. Integer types are exact (U8 unsigned, BOOL 0 or 1); floating types convert
     * like a Java cast (toward zero, NaN to 0, saturating).
     */
    public long[] toLongArray() {
        int n = (int) numel();
        long[] out = new long[n];
        ByteBuffer b = buffer();
        switch (type) {
            case I64 -> b.asLongBuffer().get(out);
            case I32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getInt(4 * i);
                }
            }
            case I16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getShort(2 * i);
                }
            }
            case I8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = data[i];
                }
            }
            case U8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = data[i] & 0xff;
                }
            }
            case BOOL -> {
                for (int i = 0; i < n; i++) {
                    out[i] = data[i] != 0 ? 1 : 0;
                }
            }
            case F64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (long) b.getDouble(8 * i);
                }
            }
            case F32, F16, BF16 -> {
                float[] f = toFloatArray();
                for (int i = 0; i < n; i++) {
                    out[i] = (long) f[i];
                }
            }
            default -> throw new AssertionError(type);
        }
        return out;
    }

    /** Equal when type, shape and every data byte are equal (so NaN payloads compare bitwise). */
    @Override
    public boolean equals(Object o) {
        return o instanceof HostTensor t && type == t.type && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "HostTensor[" + type + " " + Arrays.toString(shape) + "]";
    }
}
