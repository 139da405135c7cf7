package dev.yolotrain.engine.io;

/** Element types a {@link HostTensor} can hold; names match the safetensors dtype strings. */
public enum TensorType {
    F32(4, true),
    F16(2, true),
    BF16(2, true),
    F64(8, true),
    I64(8, false),
    I32(4, false),
    I16(2, false),
    I8(1, false),
    U8(1, false),
    BOOL(1, false);

    private final int byteSize;
    private final boolean floatingPoint;

    TensorType(int byteSize, boolean floatingPoint) {
        this.byteSize = byteSize;
        this.floatingPoint = floatingPoint;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** The safetensors dtype string, e.g. "F32". */
    public String safetensorsName() {
        return name();
    }

    /** Parses a safetensors dtype string (exact, case-sensitive as the format requires); null if unknown. */
    public static TensorType fromSafetensorsName(String name) {
        for (TensorType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
