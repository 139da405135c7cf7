package dev.yolotrain.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HalfFloatsTest {

    private static short s(int bits) {
        return (short) bits;
    }

    @Test
    void f16KnownValues() {
        assertEquals(1.0f, HalfFloats.f16ToFloat(s(0x3C00)));
        assertEquals(-2.5f, HalfFloats.f16ToFloat(s(0xC100)));
        assertEquals(65504f, HalfFloats.f16ToFloat(s(0x7BFF)));
        assertEquals(0x1p-24f, HalfFloats.f16ToFloat(s(0x0001))); // smallest subnormal
        assertEquals(1023 * 0x1p-24f, HalfFloats.f16ToFloat(s(0x03FF))); // largest subnormal
        assertEquals(0x1p-14f, HalfFloats.f16ToFloat(s(0x0400))); // smallest normal
        assertEquals(Float.POSITIVE_INFINITY, HalfFloats.f16ToFloat(s(0x7C00)));
        assertEquals(Float.NEGATIVE_INFINITY, HalfFloats.f16ToFloat(s(0xFC00)));
        assertTrue(Float.isNaN(HalfFloats.f16ToFloat(s(0x7E00))));
        assertTrue(Float.isNaN(HalfFloats.f16ToFloat(s(0x7C01)))); // signalling NaN stays NaN
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(HalfFloats.f16ToFloat(s(0x8000))));

        assertEquals(s(0x3C00), HalfFloats.floatToF16(1.0f));
        assertEquals(s(0xC100), HalfFloats.floatToF16(-2.5f));
        assertEquals(s(0x7BFF), HalfFloats.floatToF16(65504f));
        assertEquals(s(0x7BFF), HalfFloats.floatToF16(65519.99f)); // below the rounding midpoint
        assertEquals(s(0x7C00), HalfFloats.floatToF16(65520f)); // midpoint rounds (to even) to inf
        assertEquals(s(0x0001), HalfFloats.floatToF16(0x1p-24f));
        assertEquals(s(0x0000), HalfFloats.floatToF16(0x1p-25f)); // tie to even: zero
        assertEquals(s(0x0001), HalfFloats.floatToF16(0x1.000002p-25f));
        assertEquals(s(0x8000), HalfFloats.floatToF16(-1e-30f));
        assertEquals(s(0x7C00), HalfFloats.floatToF16(Float.POSITIVE_INFINITY));
        assertEquals(s(0xFC00), HalfFloats.floatToF16(-1e10f));
        assertTrue(Float.isNaN(HalfFloats.f16ToFloat(HalfFloats.floatToF16(Float.NaN))));
    }

    @Test
    void everyF16SurvivesARoundTripThroughFloat() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float f = HalfFloats.f16ToFloat(s(bits));
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(HalfFloats.f16ToFloat(HalfFloats.floatToF16(f))));
            } else {
                assertEquals(s(bits), HalfFloats.floatToF16(f), "bits " + Integer.toHexString(bits));
            }
        }
    }

    @Test
    void floatToF16RoundsToNearest() {
        // strided sweep of non-negative floats below 65520 (from there on the result is inf);
        // the result must be at least as near as either neighbour
        for (long i = 0; i < 0x477FF000L; i += 9973) {
            float f = Float.intBitsToFloat((int) i);
            short h = HalfFloats.floatToF16(f);
            double got = Math.abs((double) HalfFloats.f16ToFloat(h) - f);
            for (int d = -1; d <= 1; d += 2) {
                int n = (h & 0x7fff) + d;
                if (n >= 0 && n <= 0x7BFF) {
                    assertTrue(got <= Math.abs((double) HalfFloats.f16ToFloat(s(n)) - f), "float " + f);
                }
            }
        }
    }

    @Test
    void bf16KnownValues() {
        assertEquals(1.0f, HalfFloats.bf16ToFloat(s(0x3F80)));
        assertEquals(-2.5f, HalfFloats.bf16ToFloat(s(0xC020)));
        assertEquals(65280f, HalfFloats.bf16ToFloat(s(0x477F)));
        assertEquals(Float.MIN_VALUE * 65536f, HalfFloats.bf16ToFloat(s(0x0001))); // subnormal 2^-133
        assertEquals(Float.POSITIVE_INFINITY, HalfFloats.bf16ToFloat(s(0x7F80)));
        assertEquals(Float.NEGATIVE_INFINITY, HalfFloats.bf16ToFloat(s(0xFF80)));
        assertTrue(Float.isNaN(HalfFloats.bf16ToFloat(s(0x7FC0))));

        assertEquals(s(0x3F80), HalfFloats.floatToBf16(1.0f));
        assertEquals(s(0xC020), HalfFloats.floatToBf16(-2.5f));
        assertEquals(s(0x4780), HalfFloats.floatToBf16(65504f)); // not representable: nearest is 65536
        assertEquals(s(0x0001), HalfFloats.floatToBf16(Float.MIN_VALUE * 65536f));
        assertEquals(s(0x7F80), HalfFloats.floatToBf16(Float.POSITIVE_INFINITY));
        assertEquals(s(0x7F80), HalfFloats.floatToBf16(Float.MAX_VALUE)); // rounds up to inf
        assertTrue(Float.isNaN(HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(Float.intBitsToFloat(0x7F800001)))));
        assertEquals(s(0x3F80), HalfFloats.floatToBf16(Float.intBitsToFloat(0x3F808000))); // tie to even: down
        assertEquals(s(0x3F82), HalfFloats.floatToBf16(Float.intBitsToFloat(0x3F818000))); // tie to even: up
    }
}
