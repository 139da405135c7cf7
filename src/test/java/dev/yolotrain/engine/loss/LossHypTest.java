package dev.yolotrain.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LossHypTest {

    @Test
    void scalesLikeYolov5Training() {
        LossHyp h = LossHyp.scratchLow().scaled(3, 3, 128);
        assertEquals(0.05, h.box(), 1e-12);
        assertEquals(0.5 * 3 / 80, h.cls(), 1e-12);
        assertEquals(0.04, h.obj(), 1e-12);
        LossHyp four = LossHyp.scratchLow().scaled(4, 80, 640);
        assertEquals(0.05 * 0.75, four.box(), 1e-12);
        assertEquals(0.5 * 0.75, four.cls(), 1e-12);
        assertEquals(0.75, four.obj(), 1e-12);
        assertEquals(4.0, four.anchorT());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new LossHyp(0.05, 0.5, 1, 1, 1, 1.0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LossHyp(-1, 0.5, 1, 1, 1, 4, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> LossHyp.scratchLow().withLabelSmoothing(1.0));
        assertThrows(IllegalArgumentException.class, () -> new LossHyp(0.05, 0.5, 1, 1, Double.NaN, 4, 0, 0));
    }
}
