package dev.yolotrain.engine.data.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RngTest {
    @Test
    void sameKeysSameStreamOtherKeysOtherStream() {
        assertEquals(Rng.of(1, 2, 3).nextDouble(), Rng.of(1, 2, 3).nextDouble());
        assertNotEquals(Rng.of(1, 2, 3).nextDouble(), Rng.of(1, 2, 4).nextDouble());
        assertNotEquals(Rng.of(1, 2, 3).nextDouble(), Rng.of(1, 3, 2).nextDouble());
        assertNotEquals(Rng.of(0, 0, 1).nextDouble(), Rng.of(1, 0, 0).nextDouble());
    }

    @Test
    void permutationHoldsEveryIndexOnce() {
        int[] p = new Rng(5).permutation(100);
        int[] s = p.clone();
        Arrays.sort(s);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, s[i]);
        }
    }
}
