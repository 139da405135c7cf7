package dev.yolotrain.engine.data.loader;

import dev.yolotrain.engine.data.augment.AugmentHyp;
import dev.yolotrain.engine.data.augment.BoxCandidates;
import dev.yolotrain.engine.data.augment.Boxes;
import dev.yolotrain.engine.data.augment.Flips;
import dev.yolotrain.engine.data.augment.HsvAugment;
import dev.yolotrain.engine.data.augment.Letterbox;
import dev.yolotrain.engine.data.augment.MixUp;
import dev.yolotrain.engine.data.augment.Mosaic;
import dev.yolotrain.engine.data.augment.RandomPerspective;
import dev.yolotrain.engine.data.augment.Rng;
import dev.yolotrain.engine.data.augment.Warp;
import org.opencv.core.Mat;

/**
 * Makes one training or validation sample as YOLOv5's train/val loader does: a mosaic (with optional
 * mixup) or a letterbox to the batch shape, then random perspective, HSV and flips when augmenting.
 */
final class SampleMaker {

    /** What a sample adds to its batch besides its pixels. */
    record Sample(float[][] labels, ImageShape shape) {}

    private final ImageStore store;
    private final float[][][] labels;
    private final int imgSize;
    private final int stride;
    private final boolean augment;
    private final boolean mosaicAllowed;
    private final AugmentHyp hyp;
    private final RandomPerspective perspective;
    private final BoxCandidates candidates;

    SampleMaker(ImageStore store, float[][][] labels, int imgSize, int stride, boolean augment, boolean rect,
            AugmentHyp hyp, BoxCandidates candidates) {
        this.store = store;
        this.labels = labels;
        this.imgSize = imgSize;
        this.stride = stride;
        this.augment = augment;
        this.mosaicAllowed = augment && !rect;
        this.hyp = hyp;
        this.perspective = hyp.perspectiveTransform();
        this.candidates = candidates;
    }

    /**
     * Writes sample {@code index} as 8-bit RGB CHW into {@code out} at {@code offset} (outH×outW) and returns
     * its normalised xywh labels.
     *
     * @param partners the epoch's index list mosaic partners are drawn from
     */
    Sample make(int index, int[] partners, Rng rng, int outH, int outW, Workspace ws, byte[] out, int offset) {
        Mat img;
        float[][] xyxy;
        ImageShape shape = null;
        if (mosaicAllowed && rng.chance(hyp.mosaic())) {
            xyxy = mosaic(index, partners, rng, ws, ws.image);
            img = ws.image;
            if (rng.chance(hyp.mixup())) {
                float[][] other = mosaic(rng.nextInt(labels.length), partners, rng, ws, ws.second);
                xyxy = MixUp.apply(img, xyxy, ws.second, other, MixUp.sampleRatio(rng));
            }
        } else {
            ImageStore.Loaded loaded = store.load(index);
            int h = loaded.mat().rows();
            int w = loaded.mat().cols();
            Letterbox lb;
            try {
                lb = Letterbox.apply(loaded.mat(), ws.letterboxed, outH, outW, false, augment, stride);
            } finally {
                loaded.release();
            }
            shape = new ImageShape(loaded.height0(), loaded.width0(), lb.ratio() * h / loaded.height0(),
                    lb.ratio() * w / loaded.width0(), lb.padW(), lb.padH());
            xyxy = Boxes.xywhnToXyxy(labels[index], lb.ratio() * w, lb.ratio() * h, lb.padW(), lb.padH());
            img = ws.letterboxed;
            if (augment) {
                Warp warp = perspective.sample(rng, img.cols(), img.rows(), 0);
                xyxy = warp.apply(img, ws.image, xyxy, candidates, ws.matrix, ws.zoomed);
                img = ws.image;
            }
        }
        float[][] xywhn = Boxes.xyxyToXywhn(xyxy, img.cols(), img.rows(), true, 1e-3);
        boolean ud = false;
        boolean lr = false;
        if (augment) {
            HsvAugment.apply(img, rng, hyp.hsvH(), hyp.hsvS(), hyp.hsvV(), ws.hsv, ws.hsvScratch);
            ud = rng.chance(hyp.flipud());
            lr = rng.chance(hyp.fliplr());
            Flips.labels(xywhn, ud, lr);
        }
        if (img.rows() != outH || img.cols() != outW) {
            throw new IllegalStateException("sample is " + img.cols() + "x" + img.rows() + ", batch is " + outW + "x" + outH);
        }
        ChwWriter.write(img, ws, out, offset, ud, lr);
        return new Sample(xywhn, shape);
    }

    /**
     * Image {@code index} and three partners in a mosaic, warped to imgSize×imgSize into {@code dst}.
     * Only the canvas part the warp reads is painted, and tiles outside it are not even read; JPEG
     * tiles are decoded only where they meet that part, straight into the canvas. The output is the
     * one of the full canvas.
     */
    private float[][] mosaic(int index, int[] partners, Rng rng, Workspace ws, Mat dst) {
        int s = imgSize;
        int yc = Mosaic.center(rng, s);
        int xc = Mosaic.center(rng, s);
        int[] ids = {index, partners[rng.nextInt(partners.length)], partners[rng.nextInt(partners.length)],
            partners[rng.nextInt(partners.length)]};
        rng.shuffle(ids);
        Warp warp = perspective.sample(rng, 2 * s, 2 * s, Math.floorDiv(-s, 2));
        int[] region = warp.sourceRegion(2 * s, 2 * s);
        ImageStore.Tile[] tiles = new ImageStore.Tile[4];
        try {
            int[][] sizes = new int[4][];
            Mosaic.Placement[] place = new Mosaic.Placement[4];
            float[][][] tileLabels = new float[4][][];
            for (int k = 0; k < 4; k++) {
                tileLabels[k] = labels[ids[k]];
                sizes[k] = store.loadedSize(ids[k]);
                place[k] = Mosaic.place(k, sizes[k][0], sizes[k][1], s, xc, yc);
                if (place[k].overlaps(region[0], region[1], region[2], region[3])) {
                    tiles[k] = store.tile(ids[k]);
                    if (tiles[k].width() != sizes[k][0] || tiles[k].height() != sizes[k][1]) { // file changed since the scan
                        sizes[k] = new int[] {tiles[k].width(), tiles[k].height()};
                        place[k] = Mosaic.place(k, sizes[k][0], sizes[k][1], s, xc, yc);
                    }
                }
            }
            float[][] xyxy = Mosaic.labels(tileLabels, sizes, place, s);
            if (region[2] > region[0] && region[3] > region[1]) {
                Mat canvas = ws.canvas.view(region[3] - region[1], region[2] - region[0]);
                try {
                    Mosaic.paint(tiles, place, xc, yc, region[0], region[1], region[2], region[3], canvas);
                    warp.warpImage(canvas, region[0], region[1], dst, ws.matrix, ws.zoomed);
                } finally {
                    canvas.release();
                }
            } else {
                dst.create(s, s, org.opencv.core.CvType.CV_8UC3);
                dst.setTo(Letterbox.GREY);
            }
            return warp.boxes(xyxy, candidates);
        } finally {
            for (ImageStore.Tile t : tiles) {
                if (t != null) {
                    t.release();
                }
            }
        }
    }
}
