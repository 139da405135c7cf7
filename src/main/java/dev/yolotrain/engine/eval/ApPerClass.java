package dev.yolotrain.engine.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Average precision per class, and precision/recall at the confidence of maximum mean F1, as
 * YOLOv5's {@code ap_per_class} computes them.
 *
 * <p>Predictions of all images are sorted by descending confidence; per class, cumulative TP/FP
 * counts give the recall and precision curves; AP is the 101-point interpolated area under the
 * precision envelope. P, R and F1 are sampled on 1000 confidences in [0, 1]; the F1 curve averaged
 * over classes and smoothed picks one confidence, at which P and R of every class are reported.
 * Only classes with ground truth get a row; predictions of other classes are ignored.
 */
public final class ApPerClass {

    /** Number of confidence points of the P, R and F1 curves. */
    public static final int CURVE_POINTS = 1000;

    private static final double EPS = 1e-16;

    private ApPerClass() {}

    /**
     * The result, one row per class with ground truth (ascending class id).
     *
     * @param classes class ids
     * @param instances ground-truth count per class
     * @param ap AP per class and IoU threshold
     * @param precision P per class at the max-F1 confidence
     * @param recall R per class at the max-F1 confidence
     * @param f1 F1 per class at the max-F1 confidence
     * @param tp true positives at that confidence, {@code round(R·instances)}
     * @param fp false positives at that confidence, {@code round(tp/P − tp)}
     * @param maxF1Index index into {@link #confidences()} of the chosen confidence
     * @param precisionCurve P per class over the 1000 confidences
     * @param recallCurve R per class over the 1000 confidences
     * @param f1Curve F1 per class over the 1000 confidences
     */
    public record Result(
            int[] classes,
            int[] instances,
            double[][] ap,
            double[] precision,
            double[] recall,
            double[] f1,
            double[] tp,
            double[] fp,
            int maxF1Index,
            double[][] precisionCurve,
            double[][] recallCurve,
            double[][] f1Curve) {

        /** The confidences at which the curves are sampled: {@code linspace(0, 1, 1000)}. */
        public double[] confidences() {
            return NumpyMath.linspace(0, 1, CURVE_POINTS);
        }
    }

    /**
     * @param tp per prediction and IoU threshold, whether it is a true positive
     * @param conf per prediction, its confidence
     * @param predCls per prediction, its class
     * @param targetCls per ground-truth object (all images), its class
     */
    public static Result compute(boolean[][] tp, double[] conf, int[] predCls, int[] targetCls) {
        int niou = tp.length > 0 ? tp[0].length : IouThresholds.COUNT;
        int[] order = IntStream.range(0, conf.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer k) -> -conf[k]))
                .mapToInt(Integer::intValue)
                .toArray();
        int[] classes = Arrays.stream(targetCls).distinct().sorted().toArray();
        int nc = classes.length;
        int[] nt = new int[nc];
        for (int c : targetCls) {
            nt[Arrays.binarySearch(classes, c)]++;
        }
        double[] px = NumpyMath.linspace(0, 1, CURVE_POINTS);
        double[] negPx = Arrays.stream(px).map(v -> -v).toArray();
        double[][] ap = new double[nc][niou];
        double[][] p = new double[nc][CURVE_POINTS];
        double[][] r = new double[nc][CURVE_POINTS];
        for (int ci = 0; ci < nc; ci++) {
            int c = classes[ci];
            int[] idx = Arrays.stream(order).filter(k -> predCls[k] == c).toArray();
            if (idx.length == 0) {
                continue;
            }
            double[] negConf = new double[idx.length];
            double[][] recall = new double[niou][idx.length];
            double[][] precision = new double[niou][idx.length];
            for (int j = 0; j < niou; j++) {
                int tpc = 0;
                for (int m = 0; m < idx.length; m++) {
                    if (tp[idx[m]][j]) {
                        tpc++;
                    }
                    negConf[m] = -conf[idx[m]];
                    recall[j][m] = tpc / (nt[ci] + EPS);
                    precision[j][m] = tpc / (double) (m + 1);
                }
                ap[ci][j] = computeAp(recall[j], precision[j]);
            }
            r[ci] = NumpyMath.interp(negPx, negConf, recall[0], 0);
            p[ci] = NumpyMath.interp(negPx, negConf, precision[0], 1);
        }
        double[][] f1 = new double[nc][CURVE_POINTS];
        double[] meanF1 = new double[CURVE_POINTS];
        for (int ci = 0; ci < nc; ci++) {
            for (int i = 0; i < CURVE_POINTS; i++) {
                f1[ci][i] = 2 * p[ci][i] * r[ci][i] / (p[ci][i] + r[ci][i] + EPS);
                meanF1[i] += f1[ci][i];
            }
        }
        for (int i = 0; i < CURVE_POINTS; i++) {
            meanF1[i] /= Math.max(nc, 1);
        }
        int best = NumpyMath.argmax(NumpyMath.smooth(meanF1, 0.1));
        double[] pb = new double[nc];
        double[] rb = new double[nc];
        double[] fb = new double[nc];
        double[] tpb = new double[nc];
        double[] fpb = new double[nc];
        for (int ci = 0; ci < nc; ci++) {
            pb[ci] = p[ci][best];
            rb[ci] = r[ci][best];
            fb[ci] = f1[ci][best];
            tpb[ci] = Math.rint(rb[ci] * nt[ci]);
            fpb[ci] = Math.rint(tpb[ci] / (pb[ci] + EPS) - tpb[ci]);
        }
        return new Result(classes, nt, ap, pb, rb, fb, tpb, fpb, best, p, r, f1);
    }

    /**
     * AP of one recall/precision curve: sentinels (0, 1) before and (1, 0) after, the precision
     * envelope (running maximum from the right), sampled at 101 recall points in [0, 1] by linear
     * interpolation and integrated with the trapezoid rule. A perfect curve gives 0.995.
     */
    public static double computeAp(double[] recall, double[] precision) {
        int n = recall.length;
        double[] mrec = new double[n + 2];
        double[] mpre = new double[n + 2];
        mrec[0] = 0.0;
        mpre[0] = 1.0;
        System.arraycopy(recall, 0, mrec, 1, n);
        System.arraycopy(precision, 0, mpre, 1, n);
        mrec[n + 1] = 1.0;
        mpre[n + 1] = 0.0;
        for (int i = n; i >= 0; i--) {
            mpre[i] = Math.max(mpre[i], mpre[i + 1]);
        }
        double[] x = NumpyMath.linspace(0, 1, 101);
        return NumpyMath.trapz(NumpyMath.interp(x, mrec, mpre, mpre[0], mpre[n + 1]), x);
    }
}
