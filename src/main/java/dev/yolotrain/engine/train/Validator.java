package dev.yolotrain.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.yolotrain.engine.data.loader.Batch;
import dev.yolotrain.engine.data.loader.DataLoader;
import dev.yolotrain.engine.data.loader.Epoch;
import dev.yolotrain.engine.data.loader.ImageShape;
import dev.yolotrain.engine.eval.Detection;
import dev.yolotrain.engine.eval.DetectionMetrics;
import dev.yolotrain.engine.eval.DetectionStats;
import dev.yolotrain.engine.eval.GroundTruth;
import dev.yolotrain.engine.eval.NonMaxSuppression;
import dev.yolotrain.engine.loss.YoloLoss;
import dev.yolotrain.engine.model.NoGrad;
import dev.yolotrain.engine.model.YoloNet;
import java.util.ArrayList;
import java.util.List;

/**
 * YOLOv5's validation: inference-mode forward, class-aware NMS (conf 0.001, IoU 0.6, max 300,
 * multi-label), boxes mapped back to each original image, matching at IoU 0.50:0.95, AP per class;
 * plus the validation losses on the raw maps.
 */
public final class Validator {
    /**
     * Images per forward pass. Validation batches are twice the training batch (as in YOLOv5); running
     * them in chunks gives the same results but frees each chunk's activations, bounding native memory.
     */
    static final int CHUNK = 8;
    private final NonMaxSuppression nms = NonMaxSuppression.builder().build();

    /**
     * @param metrics P, R, mAP per class and overall
     * @param loss mean box, obj, cls validation loss per batch (zeros when no loss was given)
     */
    public record Result(DetectionMetrics metrics, double[] loss) {}

    public Result run(YoloNet net, DataLoader loader, YoloLoss loss, List<String> names, NDManager manager) {
        int nc = net.graph().nc();
        DetectionStats stats = new DetectionStats();
        double[] lossSum = new double[3];
        int batches = 0;
        ParameterStore ps = new ParameterStore(manager, false);
        try (NoGrad ignored = NoGrad.open(); Epoch epoch = loader.epoch(0)) {
            for (Batch b : epoch) {
                try (b; NDManager step = manager.newSubManager()) {
                    NDList maps = new NDList();
                    for (int from = 0; from < b.size(); from += CHUNK) {
                        int n = Math.min(CHUNK, b.size() - from);
                        try (NDManager chunk = step.newSubManager()) {
                            NDArray x = BatchImages.of(chunk, b, from, n);
                            NDList out = net.forward(ps, new NDList(x), false);
                            float[] decoded = out.get(0).toFloatArray();
                            int perImage = decoded.length / n;
                            for (int k = 0; k < n; k++) {
                                int i = from + k;
                                float[] rows = new float[perImage];
                                System.arraycopy(decoded, k * perImage, rows, 0, perImage);
                                ImageShape shape = b.shapes().get(i);
                                stats.add(groundTruth(b, i, shape), toOriginal(nms.apply(rows, nc), shape));
                            }
                            if (loss != null) {
                                for (int l = 1; l < out.size(); l++) {
                                    out.get(l).attach(step); // keep the small raw maps; free the activations
                                    maps.add(out.get(l));
                                }
                            }
                        }
                    }
                    if (loss != null) {
                        int nl = maps.size() / ((b.size() + CHUNK - 1) / CHUNK);
                        NDList full = new NDList(nl);
                        for (int l = 0; l < nl; l++) {
                            NDList parts = new NDList();
                            for (int c = l; c < maps.size(); c += nl) {
                                parts.add(maps.get(c));
                            }
                            full.add(parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0));
                        }
                        NDArray t = step.create(b.targets(), new Shape(b.targetCount(), 6));
                        float[] c = loss.compute(full, t).componentValues();
                        for (int k = 0; k < 3; k++) {
                            lossSum[k] += c[k];
                        }
                    }
                }
                batches++;
            }
        }
        double[] meanLoss = new double[3];
        for (int k = 0; k < 3; k++) {
            meanLoss[k] = batches == 0 ? 0 : lossSum[k] / batches;
        }
        return new Result(stats.compute(names), meanLoss);
    }

    /** Labels of image i: normalised xywh of the batch image → pixels → original image. */
    private static List<GroundTruth> groundTruth(Batch b, int i, ImageShape s) {
        List<GroundTruth> gt = new ArrayList<>();
        float[] t = b.targets();
        for (int r = 0; r < b.targetCount(); r++) {
            if ((int) t[r * 6] != i) {
                continue;
            }
            double cx = t[r * 6 + 2] * b.width();
            double cy = t[r * 6 + 3] * b.height();
            double w = t[r * 6 + 4] * b.width();
            double h = t[r * 6 + 5] * b.height();
            gt.add(new GroundTruth((int) t[r * 6 + 1], ox(cx - w / 2, s), oy(cy - h / 2, s), ox(cx + w / 2, s),
                    oy(cy + h / 2, s)));
        }
        return gt;
    }

    private static List<Detection> toOriginal(List<Detection> dets, ImageShape s) {
        List<Detection> out = new ArrayList<>(dets.size());
        for (Detection d : dets) {
            out.add(new Detection(ox(d.x1(), s), oy(d.y1(), s), ox(d.x2(), s), oy(d.y2(), s), d.conf(), d.cls()));
        }
        return out;
    }

    private static double ox(double x, ImageShape s) {
        return clamp((x - s.padW()) / s.gainW(), s.width0());
    }

    private static double oy(double y, ImageShape s) {
        return clamp((y - s.padH()) / s.gainH(), s.height0());
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
