package dev.yolotrain.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Detection confusion matrix in YOLOv5's layout: {@code (nc + 1) × (nc + 1)}, indexed
 * {@code [predicted][true]}, the last row and column being background. Detections with confidence
 * not above {@code conf} (default 0.25) are dropped; detections and ground truth are paired
 * class-agnostically at IoU above {@code iou} (default 0.45), each detection keeping its best-IoU
 * ground truth and then each ground truth its best-IoU detection.
 *
 * <ul>
 *   <li>a paired ground truth adds to {@code [detected class][true class]};
 *   <li>an unpaired ground truth adds to {@code [background][true class]} (missed);
 *   <li>an unpaired detection adds to {@code [detected class][background]} (false alarm).
 * </ul>
 *
 * One deliberate difference from YOLOv5 v7.0: there, unpaired detections are only counted in an
 * image where at least one pair was found, and images without ground truth are never passed in;
 * here every unpaired detection counts, in every image given.
 */
public final class ConfusionMatrix {

    private final int nc;
    private final double conf;
    private final double iou;
    private final double[][] matrix;

    public ConfusionMatrix(int numClasses) {
        this(numClasses, 0.25, 0.45);
    }

    public ConfusionMatrix(int numClasses, double conf, double iou) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be ≥ 1");
        }
        this.nc = numClasses;
        this.conf = conf;
        this.iou = iou;
        this.matrix = new double[nc + 1][nc + 1];
    }

    /** Adds one image. */
    public void processBatch(List<Detection> detections, List<GroundTruth> labels) {
        List<Detection> dets = detections.stream().filter(d -> d.conf() > conf).toList();
        double[][] m = BoxIoU.matrix(labels, dets);
        List<int[]> pairs = new ArrayList<>();
        for (int g = 0; g < labels.size(); g++) {
            for (int d = 0; d < dets.size(); d++) {
                if (m[g][d] > iou) {
                    pairs.add(new int[] {g, d});
                }
            }
        }
        // descending IoU; ties in reverse input order, as YOLOv5's argsort()[::-1]
        pairs.sort(Comparator.comparingDouble((int[] p) -> m[p[0]][p[1]]));
        Collections.reverse(pairs);
        int[] gtOfDet = bestPerKey(pairs, 1, dets.size());
        List<int[]> kept = new ArrayList<>();
        for (int[] p : pairs) {
            if (gtOfDet[p[1]] == p[0]) {
                kept.add(p);
            }
        }
        int[] detOfGt = bestPerKey(kept, 0, labels.size());
        boolean[] detUsed = new boolean[dets.size()];
        for (int g = 0; g < labels.size(); g++) {
            int gc = checkClass(labels.get(g).cls());
            int d = detOfGt[g];
            if (d >= 0) {
                matrix[checkClass(dets.get(d).cls())][gc]++;
                detUsed[d] = true;
            } else {
                matrix[nc][gc]++;
            }
        }
        for (int d = 0; d < dets.size(); d++) {
            if (!detUsed[d]) {
                matrix[checkClass(dets.get(d).cls())][nc]++;
            }
        }
    }

    /** For each key (pair element {@code which}), the other element of its first pair in the list; −1 if none. */
    private static int[] bestPerKey(List<int[]> pairs, int which, int n) {
        int[] best = new int[n];
        Arrays.fill(best, -1);
        for (int[] p : pairs) {
            if (best[p[which]] < 0) {
                best[p[which]] = p[1 - which];
            }
        }
        return best;
    }

    private int checkClass(int c) {
        if (c < 0 || c >= nc) {
            throw new IllegalArgumentException("class id " + c + " outside 0.." + (nc - 1));
        }
        return c;
    }

    /** A copy of the counts, {@code [predicted][true]}, background last. */
    public double[][] matrix() {
        double[][] copy = new double[nc + 1][];
        for (int i = 0; i <= nc; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    /** Per class: true positives (the diagonal). */
    public double[] truePositives() {
        double[] tp = new double[nc];
        for (int c = 0; c < nc; c++) {
            tp[c] = matrix[c][c];
        }
        return tp;
    }

    /** Per class: false positives (detections of the class whose truth is another class or background). */
    public double[] falsePositives() {
        double[] fp = new double[nc];
        for (int c = 0; c < nc; c++) {
            for (int t = 0; t <= nc; t++) {
                fp[c] += matrix[c][t];
            }
            fp[c] -= matrix[c][c];
        }
        return fp;
    }

    /** Columns normalised to sum 1 (each true class's distribution of outcomes), as YOLOv5 plots it. */
    public double[][] normalized() {
        double[][] out = matrix();
        for (int t = 0; t <= nc; t++) {
            double sum = 0;
            for (int p = 0; p <= nc; p++) {
                sum += matrix[p][t];
            }
            for (int p = 0; p <= nc; p++) {
                out[p][t] = matrix[p][t] / (sum + 1e-9);
            }
        }
        return out;
    }
}
