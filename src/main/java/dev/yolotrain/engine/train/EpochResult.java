package dev.yolotrain.engine.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One epoch's results.csv row plus timing.
 *
 * @param epoch 0-based epoch
 * @param trainLoss mean box, obj, cls training loss over the epoch
 * @param precision validation precision
 * @param recall validation recall
 * @param map50 validation mAP@0.5
 * @param map validation mAP@0.5:0.95
 * @param valLoss box, obj, cls validation loss
 * @param lr learning rates of the three parameter groups (biases, weights, BatchNorm weights)
 * @param seconds wall time of the epoch, validation included
 * @param imagesPerSecond training images per second
 * @param fitness 0.1·mAP50 + 0.9·mAP50-95
 */
public record EpochResult(int epoch, double[] trainLoss, double precision, double recall, double map50, double map,
        double[] valLoss, double[] lr, double seconds, double imagesPerSecond, double fitness) {

    public static final List<String> COLUMNS = List.of("epoch", "train/box_loss", "train/obj_loss", "train/cls_loss",
            "metrics/precision", "metrics/recall", "metrics/mAP_0.5", "metrics/mAP_0.5:0.95", "val/box_loss",
            "val/obj_loss", "val/cls_loss", "x/lr0", "x/lr1", "x/lr2");

    /** The results.csv values in column order. */
    public double[] row() {
        return new double[] {epoch, trainLoss[0], trainLoss[1], trainLoss[2], precision, recall, map50, map, valLoss[0],
            valLoss[1], valLoss[2], lr[0], lr[1], lr[2]};
    }

    /** Every results.csv column plus timing, for events and the job record. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        double[] r = row();
        for (int i = 0; i < COLUMNS.size(); i++) {
            m.put(COLUMNS.get(i), i == 0 ? (Object) epoch : (Object) r[i]);
        }
        m.put("fitness", fitness);
        m.put("epoch_seconds", seconds);
        m.put("images_per_second", imagesPerSecond);
        return m;
    }

    /** The inverse of {@link #asMap()}. */
    public static EpochResult fromMap(Map<String, ?> m) {
        double[] v = new double[COLUMNS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(m, COLUMNS.get(i));
        }
        return new EpochResult((int) v[0], new double[] {v[1], v[2], v[3]}, v[4], v[5], v[6], v[7], new double[] {v[8], v[9], v[10]},
                new double[] {v[11], v[12], v[13]}, number(m, "epoch_seconds"), number(m, "images_per_second"), number(m, "fitness"));
    }

    private static double number(Map<String, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
