package dev.yolotrain.engine.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class LetterboxTest {

    @Test
    void squareTargetPadsTheShortSideAndKeepsTheBoxWhereItsLabelSays() {
        Mat im = Draw.black(100, 50);
        float[] label = Draw.box(im, 3, 10, 5, 40, 30, Draw.COLOURS[0]);
        Mat out = new Mat();
        Letterbox lb = Letterbox.apply(im, out, 64, 64, false, true, 32);
        assertEquals(64, out.cols());
        assertEquals(64, out.rows());
        assertEquals(0.64, lb.ratio(), 1e-12);
        assertEquals(0, lb.padW(), 1e-12);
        assertEquals(16, lb.padH(), 1e-12); // 50 * 0.64 = 32 rows, 32 of grey split 16/16
        float[] xyxy = lb.labels(new float[][] {label}, 100, 50)[0];
        assertEquals(3, xyxy[0]);
        Draw.assertBox(Draw.bbox(out, Draw.COLOURS[0], 60), xyxy, 1, "letterbox");
        assertArrayEquals(new double[] {114, 114, 114}, out.get(0, 0), 0); // padding is grey
        assertArrayEquals(new double[] {114, 114, 114}, out.get(63, 63), 0);
    }

    @Test
    void autoPadsOnlyToTheNextStrideMultiple() {
        Mat im = Draw.black(640, 480);
        float[] label = Draw.box(im, 0, 300, 200, 400, 260, Draw.COLOURS[1]);
        Mat out = new Mat();
        Letterbox lb = Letterbox.apply(im, out, 640, 640, true, true, 32);
        assertEquals(640, out.cols());
        assertEquals(480, out.rows()); // 480 is already a multiple of 32
        Draw.assertBox(Draw.bbox(out, Draw.COLOURS[1], 60), lb.labels(new float[][] {label}, 640, 480)[0], 1, "auto");

        Mat odd = Draw.black(640, 470);
        Letterbox lb2 = Letterbox.apply(odd, out, 640, 640, true, true, 32);
        assertEquals(480, out.rows()); // 10 px of padding: 5 on top, 5 below
        assertEquals(5, lb2.padH(), 1e-12);
    }

    @Test
    void withoutScaleupASmallImageIsOnlyPadded() {
        Mat im = Draw.black(40, 20);
        float[] label = Draw.box(im, 1, 4, 4, 16, 12, Draw.COLOURS[2]);
        Mat out = new Mat();
        Letterbox lb = Letterbox.apply(im, out, 64, 96, false, false, 32);
        assertEquals(1.0, lb.ratio(), 0);
        assertEquals(96, out.cols());
        assertEquals(64, out.rows());
        assertEquals(28, lb.padW(), 1e-12);
        assertEquals(22, lb.padH(), 1e-12);
        Draw.assertBox(Draw.bbox(out, Draw.COLOURS[2], 0), lb.labels(new float[][] {label}, 40, 20)[0], 0, "no scaleup");

        Letterbox up = Letterbox.apply(im, out, 64, 96, false, true, 32);
        assertEquals(2.4, up.ratio(), 1e-12); // min(64/20, 96/40)
        Draw.assertBox(Draw.bbox(out, Draw.COLOURS[2], 60), up.labels(new float[][] {label}, 40, 20)[0], 1, "scaleup");
    }
}
