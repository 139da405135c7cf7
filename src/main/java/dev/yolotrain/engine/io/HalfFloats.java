package dev.yolotrain.engine.io;

/**
 * IEEE binary16 (F16) and bfloat16 (BF16) conversions. Java 17 has no Float.float16ToFloat, so this is
 * done by bit manipulation. Widening to float is exact; narrowing rounds to nearest, ties to even.
 */
public final class HalfFloats {

    private HalfFloats() {
    }

    /** Exact F16 to float (every half value, incl. subnormals, inf and NaN, is representable as a float). */
    public static float f16ToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            // inf (mant 0) or NaN; the payload moves along so NaN stays NaN
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            // zero or subnormal: mant * 2^-24; the product is exact in float
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        // rebias exponent 15 -> 127
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** Float to F16, round to nearest even; too large gives inf, too small gives signed zero. */
    public static short floatToF16(float value) {
        int x = Float.floatToRawIntBits(value);
        int sign = (x >>> 16) & 0x8000;
        int exp = (x >>> 23) & 0xff;
        int mant = x & 0x7fffff;
        if (exp == 0xff) {
            return (short) (mant == 0 ? sign | 0x7c00 : sign | 0x7e00 | (mant >>> 13));
        }
        int e = exp - 112; // half exponent field before rounding
        if (e >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (e <= 0) {
            if (e < -10) {
                return (short) sign; // below half the smallest subnormal
            }
            int full = mant | 0x800000;
            int shift = 14 - e;
            int m = full >>> shift;
            int rem = full & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (rem > halfway || (rem == halfway && (m & 1) != 0)) {
                m++; // a carry into 0x400 is exactly the smallest normal
            }
            return (short) (sign | m);
        }
        int m = mant >>> 13;
        int rem = mant & 0x1fff;
        int r = (e << 10) | m;
        if (rem > 0x1000 || (rem == 0x1000 && (m & 1) != 0)) {
            r++; // a carry into the exponent is correct, up to inf
        }
        return (short) (sign | r);
    }

    /** Exact BF16 to float: bfloat16 is the top half of a float32. */
    public static float bf16ToFloat(short bf16) {
        return Float.intBitsToFloat((bf16 & 0xffff) << 16);
    }

    /** Float to BF16, round to nearest even; NaN stays a (quiet) NaN. */
    public static short floatToBf16(float value) {
        int x = Float.floatToRawIntBits(value);
        if ((x & 0x7fffffff) > 0x7f800000) {
            return (short) ((x >>> 16) | 0x40);
        }
        int rounded = x + 0x7fff + ((x >>> 16) & 1);
        return (short) (rounded >>> 16);
    }
}
