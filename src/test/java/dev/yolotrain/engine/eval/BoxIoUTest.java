package dev.yolotrain.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoxIoUTest {

    private static GroundTruth box(double x1, double y1, double x2, double y2) {
        return new GroundTruth(0, x1, y1, x2, y2);
    }

    @Test
    void identicalBoxesGiveOne() {
        assertEquals(1.0, BoxIoU.iou(box(0, 0, 10, 10), box(0, 0, 10, 10)), 1e-9);
    }

    @Test
    void halfOverlapGivesOneThird() {
        assertEquals(1.0 / 3, BoxIoU.iou(box(0, 0, 10, 10), box(5, 0, 15, 10)), 1e-9);
    }

    @Test
    void containedBoxGivesAreaRatio() {
        assertEquals(0.25, BoxIoU.iou(box(0, 0, 10, 10), box(0, 0, 5, 5)), 1e-9);
    }

    @Test
    void disjointOrTouchingBoxesGiveZero() {
        assertEquals(0.0, BoxIoU.iou(box(0, 0, 10, 10), box(20, 20, 30, 30)));
        assertEquals(0.0, BoxIoU.iou(box(0, 0, 10, 10), box(10, 0, 20, 10)));
    }

    @Test
    void emptyBoxesGiveZeroNotNaN() {
        assertEquals(0.0, BoxIoU.iou(box(5, 5, 5, 5), box(5, 5, 5, 5)));
    }

    @Test
    void symmetric() {
        GroundTruth a = box(1, 2, 13, 17);
        GroundTruth b = box(4, -3, 11, 9);
        assertEquals(BoxIoU.iou(a, b), BoxIoU.iou(b, a), 0.0);
    }

    @Test
    void matrixIsRowsByColumns() {
        double[][] m = BoxIoU.matrix(List.of(box(0, 0, 10, 10), box(5, 0, 15, 10)),
                List.of(new Detection(0, 0, 10, 10, 0.9, 0)));
        assertEquals(2, m.length);
        assertEquals(1, m[0].length);
        assertEquals(1.0, m[0][0], 1e-9);
        assertEquals(1.0 / 3, m[1][0], 1e-9);
    }
}
