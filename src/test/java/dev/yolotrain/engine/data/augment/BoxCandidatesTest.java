package dev.yolotrain.engine.data.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoxCandidatesTest {
    private final BoxCandidates f = BoxCandidates.DEFAULT;

    @Test
    void keepsOrdinaryBoxes() {
        assertTrue(f.keep(0, 0, 10, 10, 1, 5, 5, 15, 15));
        assertTrue(f.keep(0, 0, 10, 10, 0.5, 0, 0, 5, 5)); // scaled down with the image: full area kept
    }

    @Test
    void dropsBoxesTwoPixelsOrLess() {
        assertFalse(f.keep(0, 0, 2, 10, 1, 0, 0, 2, 10));
        assertFalse(f.keep(0, 0, 10, 2, 1, 0, 0, 10, 2));
        assertTrue(f.keep(0, 0, 3, 10, 1, 0, 0, 2.5, 10));
    }

    @Test
    void dropsBoxesThatLostNinetyPercentOfTheirArea() {
        assertFalse(f.keep(0, 0, 100, 100, 1, 0, 0, 100, 9.9)); // 9.9 % left after clipping
        assertTrue(f.keep(0, 0, 100, 100, 1, 0, 0, 100, 10.1));
        assertFalse(f.keep(0, 0, 100, 100, 2, 0, 0, 100, 30)); // expected 200×200 after a 2× zoom
    }

    @Test
    void dropsBoxesWithAspectTwentyOrMore() {
        assertFalse(f.keep(0, 0, 200, 10, 1, 0, 0, 200, 10));
        assertTrue(f.keep(0, 0, 190, 10, 1, 0, 0, 190, 10));
        assertFalse(f.keep(0, 0, 10, 200, 1, 0, 0, 10, 200));
    }

    @Test
    void warpDropsABoxPushedOutOfTheImage() {
        double[] shift = RandomPerspective.matrix(100, 100, 0, 0, 0, 1, 0, 0, 50 + 95, 50);
        Warp w = new Warp(shift, 1, false, 100, 100, false);
        float[][] kept = w.boxes(new float[][] {
            {0, 10, 10, 30, 30}, // x 105..125: wholly outside
            {1, 0, 10, 20, 30}, // x 95..115 → 95..100: 25 % of its area left
            {2, 3, 10, 8, 30}}, // x 98..103 → 98..100: 2 px wide
            f);
        assertEquals(1, kept.length);
        assertEquals(1, kept[0][0]);
        assertEquals(95, kept[0][1], 1e-4);
        assertEquals(100, kept[0][3], 1e-4);
    }
}
