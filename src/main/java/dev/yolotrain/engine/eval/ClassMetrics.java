package dev.yolotrain.engine.eval;

/**
 * Scores of one class that has ground truth.
 *
 * @param id class id
 * @param name class name
 * @param images images with at least one ground-truth object of this class
 * @param instances ground-truth objects of this class
 * @param precision P at the confidence of maximum mean F1
 * @param recall R at that confidence
 * @param map50 AP at IoU 0.5
 * @param map50to95 AP averaged over IoU 0.50:0.05:0.95
 * @param apPerIou AP at each of the ten IoU thresholds
 * @param tpAtMaxF1 true positives at that confidence
 * @param fpAtMaxF1 false positives at that confidence
 */
public record ClassMetrics(
        int id,
        String name,
        int images,
        int instances,
        double precision,
        double recall,
        double map50,
        double map50to95,
        double[] apPerIou,
        double tpAtMaxF1,
        double fpAtMaxF1) {

    public ClassMetrics {
        apPerIou = apPerIou.clone();
    }

    @Override
    public double[] apPerIou() {
        return apPerIou.clone();
    }
}
