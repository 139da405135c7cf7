package dev.yolotrain.engine.data.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class MosaicTest {

    @Test
    void eachTileMeetsTheCentreAndItsBoxIsWhereTheLabelSays() {
        int s = 64;
        Mat[] tiles = new Mat[4];
        float[][][] labels = new float[4][][];
        int[][] sizes = {{64, 48}, {40, 64}, {64, 64}, {30, 20}};
        for (int k = 0; k < 4; k++) {
            tiles[k] = Draw.black(sizes[k][0], sizes[k][1]);
            int w = sizes[k][0];
            int h = sizes[k][1];
            labels[k] = new float[][] {Draw.box(tiles[k], k, w / 4, h / 4, w * 3 / 4, h * 3 / 4, Draw.COLOURS[k])};
        }
        Mat canvas = new Mat();
        float[][] xyxy = Mosaic.compose(tiles, labels, s, 70, 50, canvas);
        assertEquals(128, canvas.rows());
        assertEquals(4, xyxy.length);
        for (int k = 0; k < 4; k++) {
            assertEquals(k, xyxy[k][0]);
            Draw.assertBox(Draw.bbox(canvas, Draw.COLOURS[k], 0), xyxy[k], 0, "tile " + k);
        }
        // the tiles touch the centre: top-left tile's bottom-right pixel is at (69, 49)
        assertEquals(0, canvas.get(49, 69)[0]);
        assertEquals(114, canvas.get(0, 0)[0]); // uncovered canvas is grey (tile 0 is 64 wide: x from 6)
    }

    @Test
    void boxesCutByTheCanvasEdgeAreClippedToTheVisiblePart() {
        int s = 64;
        Mat[] tiles = new Mat[4];
        float[][][] labels = new float[4][][];
        for (int k = 0; k < 4; k++) {
            tiles[k] = Draw.black(64, 64);
            labels[k] = new float[0][];
        }
        labels[0] = new float[][] {Draw.box(tiles[0], 5, 2, 2, 30, 30, Draw.COLOURS[4])};
        Mat canvas = new Mat();
        float[][] xyxy = Mosaic.compose(tiles, labels, s, 40, 45, canvas); // tile 0 loses 24 columns and 19 rows
        assertEquals(1, xyxy.length);
        assertEquals(0, xyxy[0][1]);
        assertEquals(0, xyxy[0][2]);
        Draw.assertBox(Draw.bbox(canvas, Draw.COLOURS[4], 0), xyxy[0], 0, "clipped");
    }

    @Test
    void centreIsDrawnInTheMiddleHalf() {
        Rng rng = new Rng(1);
        for (int i = 0; i < 1000; i++) {
            int c = Mosaic.center(rng, 640);
            assertTrue(c >= 320 && c < 960, "centre " + c);
        }
    }
}
