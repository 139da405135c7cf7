package dev.yolotrain.engine.eval;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Decides, for one image and each IoU threshold, which predictions are true positives, with the
 * rules of YOLOv5's {@code val.py}:
 *
 * <ol>
 *   <li>a candidate pair is a prediction and a ground truth of the same class with IoU ≥ threshold;
 *   <li>each prediction keeps only its best-IoU candidate ground truth;
 *   <li>predictions are then taken in descending confidence, and each ground truth goes to the first
 *       one that chose it. A prediction whose chosen ground truth is already taken is a false
 *       positive: it is not re-matched to its second-best ground truth.
 * </ol>
 *
 * Ties in IoU for one prediction go to the ground truth listed last; ties in confidence keep the
 * input order.
 */
public final class DetectionMatcher {

    private DetectionMatcher() {}

    /** Matching at the ten thresholds of {@link IouThresholds}. */
    public static boolean[][] match(List<GroundTruth> gt, List<Detection> preds) {
        return match(gt, preds, IouThresholds.values());
    }

    /**
     * Returns {@code correct[k][t]}: whether {@code preds.get(k)} is a true positive at
     * {@code thresholds[t]}. Rows follow the order of {@code preds} as given.
     */
    public static boolean[][] match(List<GroundTruth> gt, List<Detection> preds, double[] thresholds) {
        int np = preds.size();
        boolean[][] correct = new boolean[np][thresholds.length];
        if (np == 0 || gt.isEmpty()) {
            return correct;
        }
        int[] order = IntStream.range(0, np)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer k) -> preds.get(k).conf()).reversed())
                .mapToInt(Integer::intValue)
                .toArray();
        double[][] iou = BoxIoU.matrix(gt, preds);
        for (int t = 0; t < thresholds.length; t++) {
            boolean[] taken = new boolean[gt.size()];
            for (int k : order) {
                int best = bestCandidate(gt, preds.get(k), iou, k, thresholds[t]);
                if (best >= 0 && !taken[best]) {
                    taken[best] = true;
                    correct[k][t] = true;
                }
            }
        }
        return correct;
    }

    private static int bestCandidate(List<GroundTruth> gt, Detection p, double[][] iou, int k, double threshold) {
        int best = -1;
        double bestIou = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < gt.size(); g++) {
            double v = iou[g][k];
            if (gt.get(g).cls() == p.cls() && v >= threshold && v >= bestIou) {
                best = g;
                bestIou = v;
            }
        }
        return best;
    }
}
