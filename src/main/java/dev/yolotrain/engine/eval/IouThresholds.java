package dev.yolotrain.engine.eval;

/**
 * The ten IoU thresholds 0.50:0.05:0.95 of mAP@0.5:0.95. YOLOv5 holds them as float32, so each is
 * the double nearest to that float (0.55 is 0.550000011920929…); a pair at IoU exactly 0.55 in
 * double therefore does not pass the second threshold, as in YOLOv5.
 */
public final class IouThresholds {

    public static final int COUNT = 10;

    private static final float[] VALUES = {0.5f, 0.55f, 0.6f, 0.65f, 0.7f, 0.75f, 0.8f, 0.85f, 0.9f, 0.95f};

    private IouThresholds() {}

    /** A fresh copy of the ten thresholds. */
    public static double[] values() {
        double[] v = new double[COUNT];
        for (int i = 0; i < COUNT; i++) {
            v[i] = VALUES[i];
        }
        return v;
    }
}
