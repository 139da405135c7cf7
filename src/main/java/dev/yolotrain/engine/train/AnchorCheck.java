package dev.yolotrain.engine.train;

import ai.djl.ndarray.NDArray;
import dev.yolotrain.engine.data.LabeledImage;
import dev.yolotrain.engine.model.NoGrad;
import dev.yolotrain.engine.model.YoloNet;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Applies {@link AutoAnchor} to a model before training, replacing its anchors only when recall improves. */
final class AnchorCheck {
    private final TrainListener events;

    AnchorCheck(TrainListener events) {
        this.events = events;
    }

    void run(YoloNet net, List<LabeledImage> images, int imgSize, double anchorT, long seed) {
        List<int[]> sizes = new ArrayList<>();
        List<float[][]> boxes = new ArrayList<>();
        for (LabeledImage im : images) {
            sizes.add(new int[] {im.width(), im.height()});
            boxes.add(im.boxes());
        }
        double[][] wh = AutoAnchor.boxSizes(sizes, boxes, imgSize, new Random(seed), true);
        double[] strides = net.graph().strides();
        NDArray anchors = net.anchors().getArray();
        long nl = anchors.getShape().get(0);
        int na = (int) anchors.getShape().get(1);
        float[] grid = anchors.toFloatArray();
        double[][] px = new double[(int) nl * na][];
        for (int l = 0; l < nl; l++) {
            for (int a = 0; a < na; a++) {
                int o = (l * na + a) * 2;
                px[l * na + a] = new double[] {grid[o] * strides[l], grid[o + 1] * strides[l]};
            }
        }
        double bpr = AutoAnchor.bestPossibleRecall(px, wh, anchorT);
        double aat = AutoAnchor.anchorsAboveThreshold(px, wh, anchorT);
        String head = String.format(Locale.ROOT, "AutoAnchor: %.2f anchors/target, %.3f Best Possible Recall (BPR). ", aat, bpr);
        if (bpr > AutoAnchor.GOOD_BPR) {
            events.onLog(head + "Current anchors are a good fit to dataset");
            return;
        }
        events.onLog(head + "Anchors are a poor fit to dataset, attempting to improve...");
        double[][] wh0 = AutoAnchor.boxSizes(sizes, boxes, imgSize, new Random(seed), false);
        double[][] found = AutoAnchor.search(wh0, (int) nl * na, imgSize, anchorT, seed);
        double newBpr = AutoAnchor.bestPossibleRecall(found, wh, anchorT);
        if (newBpr <= bpr) {
            events.onLog(String.format(Locale.ROOT, "AutoAnchor: new anchors (BPR %.3f) are not better; keeping the originals", newBpr));
            return;
        }
        // sorted by area, so level l gets the l-th group of na: small anchors on the fine level
        float[] out = new float[grid.length];
        for (int l = 0; l < nl; l++) {
            for (int a = 0; a < na; a++) {
                double[] k = found[l * na + a];
                out[(l * na + a) * 2] = (float) (k[0] / strides[l]);
                out[(l * na + a) * 2 + 1] = (float) (k[1] / strides[l]);
            }
        }
        try (NoGrad ignored = NoGrad.open()) {
            anchors.set(FloatBuffer.wrap(out));
        }
        events.onLog(String.format(Locale.ROOT, "AutoAnchor: new anchors saved to the model (BPR %.3f)", newBpr));
    }
}
