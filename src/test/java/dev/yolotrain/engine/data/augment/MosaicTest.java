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
    void paintingOnlyTheRegionTheWarpReadsGivesTheSameOutput() {
        int s = 64;
        int[][] sizes = {{64, 48}, {40, 64}, {64, 64}, {30, 20}};
        Mat[] tiles = new Mat[4];
        for (int k = 0; k < 4; k++) {
            tiles[k] = Draw.black(sizes[k][0], sizes[k][1]);
            org.opencv.core.Core.randu(tiles[k], 0, 255);
            // smooth noise: interpolation precision differs between warpAffine (1/32 px) and resize, so compare
            // images whose neighbouring pixels are close; a half-pixel shift would still show up clearly
            org.opencv.imgproc.Imgproc.GaussianBlur(tiles[k], tiles[k], new org.opencv.core.Size(0, 0), 1.5);
        }
        int skipped = 0;
        for (int seed = 0; seed < 80; seed++) {
            // even seeds: rotation and shear (warpAffine on the region); odd: zoom and shift only (resize)
            RandomPerspective rp = seed % 2 == 0 ? new RandomPerspective(10, 0.1, 0.5, 3, 0) : new RandomPerspective(0, 0.1, 0.5, 0, 0);
            Rng rng = new Rng(seed);
            int xc = Mosaic.center(rng, s);
            int yc = Mosaic.center(rng, s);
            Mat full = new Mat();
            Mosaic.compose(tiles, new float[4][0][], s, xc, yc, full);
            Warp w = rp.sample(rng, 2 * s, 2 * s, -s / 2);
            Mat expected = new Mat();
            w.warpImage(full, 0, 0, expected, new Mat());

            int[] r = w.sourceRegion(2 * s, 2 * s);
            Mosaic.Placement[] p = new Mosaic.Placement[4];
            Mat[] needed = new Mat[4];
            for (int k = 0; k < 4; k++) {
                p[k] = Mosaic.place(k, sizes[k][0], sizes[k][1], s, xc, yc);
                needed[k] = p[k].overlaps(r[0], r[1], r[2], r[3]) ? tiles[k] : null;
                skipped += needed[k] == null ? 1 : 0;
            }
            Mat part = new Mat();
            Mosaic.paint(needed, p, xc, yc, r[0], r[1], r[2], r[3], part);
            Mat got = new Mat();
            w.warpImage(part, r[0], r[1], got, new Mat());
            assertEquals(seed % 2 == 1, w.resizeOrigin() != null);
            Mat diff = new Mat();
            org.opencv.core.Core.absdiff(expected, got, diff);
            // resize clamps where warpAffine blends in the pixel left of / above the first sample: skip row and column 0
            Mat inner = diff.submat(1, s, 1, s);
            org.opencv.core.Core.MinMaxLocResult mm = org.opencv.core.Core.minMaxLoc(inner.clone().reshape(1));
            assertTrue(mm.maxVal <= 2, "seed " + seed + " max diff " + mm.maxVal);
            assertTrue(org.opencv.core.Core.mean(diff).val[0] < 0.3, "seed " + seed + " mean diff " + org.opencv.core.Core.mean(diff).val[0]);
        }
        assertTrue(skipped > 0, "some tiles lie outside the region the warp reads");
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
