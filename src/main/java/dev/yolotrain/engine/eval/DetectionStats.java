package dev.yolotrain.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects, image by image, what {@link ApPerClass} needs (per prediction: correct flags,
 * confidence, class; per ground truth: class) and turns it into {@link DetectionMetrics}.
 * Not thread-safe.
 */
public final class DetectionStats {

    private final List<boolean[]> correct = new ArrayList<>();
    private final DoubleList conf = new DoubleList();
    private final IntList predCls = new IntList();
    private final IntList targetCls = new IntList();
    private final IntList imagesPerClass = new IntList();
    private int images;

    /** Matches one image's final detections against its ground truth and records the outcome. */
    public void add(List<GroundTruth> gt, List<Detection> preds) {
        boolean[][] c = DetectionMatcher.match(gt, preds);
        double[] cf = new double[preds.size()];
        int[] pc = new int[preds.size()];
        for (int k = 0; k < preds.size(); k++) {
            cf[k] = preds.get(k).conf();
            pc[k] = preds.get(k).cls();
        }
        add(c, cf, pc, gt.stream().mapToInt(GroundTruth::cls).toArray());
    }

    /** Records one image whose predictions are already matched (rows of {@code correct} follow {@code conf}). */
    public void add(boolean[][] correctFlags, double[] confidences, int[] predClasses, int[] targetClasses) {
        if (correctFlags.length != confidences.length || confidences.length != predClasses.length) {
            throw new IllegalArgumentException("correct, conf and class arrays differ in length");
        }
        for (int c : predClasses) {
            requireClassId(c);
        }
        for (int c : targetClasses) {
            requireClassId(c);
        }
        images++;
        for (int k = 0; k < confidences.length; k++) {
            correct.add(correctFlags[k].clone());
            conf.add(confidences[k]);
            predCls.add(predClasses[k]);
        }
        for (int c : targetClasses) {
            targetCls.add(c);
        }
        Arrays.stream(targetClasses).distinct().forEach(c -> {
            imagesPerClass.ensureSize(c + 1);
            imagesPerClass.set(c, imagesPerClass.get(c) + 1);
        });
    }

    /** Images recorded so far. */
    public int images() {
        return images;
    }

    /**
     * Computes the scores. As in YOLOv5, when no prediction is correct at any threshold, every
     * number is 0 (the class rows are still listed, with zeros).
     *
     * @param names class names by id; a class id without a name is shown as its number
     */
    public DetectionMetrics compute(List<String> names) {
        boolean[][] tp = correct.toArray(new boolean[0][]);
        int[] targets = targetCls.toArray();
        ApPerClass.Result r = ApPerClass.compute(tp, conf.toArray(), predCls.toArray(), targets);
        boolean anyCorrect = correct.stream().anyMatch(DetectionStats::any);
        List<ClassMetrics> rows = new ArrayList<>();
        double sp = 0;
        double sr = 0;
        double s50 = 0;
        double s5095 = 0;
        for (int i = 0; i < r.classes().length; i++) {
            int c = r.classes()[i];
            double[] ap = anyCorrect ? r.ap()[i] : new double[IouThresholds.COUNT];
            double ap50 = ap[0];
            double apMean = Arrays.stream(ap).sum() / ap.length;
            double p = anyCorrect ? r.precision()[i] : 0;
            double rc = anyCorrect ? r.recall()[i] : 0;
            String name = c >= 0 && c < names.size() ? names.get(c) : Integer.toString(c);
            rows.add(new ClassMetrics(c, name, imagesPerClass.get(c), r.instances()[i], p, rc, ap50, apMean, ap,
                    anyCorrect ? r.tp()[i] : 0, anyCorrect ? r.fp()[i] : 0));
            sp += p;
            sr += rc;
            s50 += ap50;
            s5095 += apMean;
        }
        int n = Math.max(rows.size(), 1);
        return new DetectionMetrics(images, targets.length, sp / n, sr / n, s50 / n, s5095 / n, rows);
    }

    private static void requireClassId(int c) {
        if (c < 0) {
            throw new IllegalArgumentException("negative class id " + c);
        }
    }

    private static boolean any(boolean[] flags) {
        for (boolean f : flags) {
            if (f) {
                return true;
            }
        }
        return false;
    }
}
