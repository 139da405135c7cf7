package dev.yolotrain.engine.data.augment;

import org.opencv.core.Core;
import org.opencv.core.Mat;

/** Up-down and left-right flips of an image and its normalised xywh labels. */
public final class Flips {

    private Flips() {}

    /** Flips the labels' centres in place (normalised xywh rows). */
    public static void labels(float[][] xywhn, boolean upDown, boolean leftRight) {
        for (float[] r : xywhn) {
            if (upDown) {
                r[2] = 1 - r[2];
            }
            if (leftRight) {
                r[1] = 1 - r[1];
            }
        }
    }

    /** Flips image {@code im} in place and its labels. */
    public static void apply(Mat im, float[][] xywhn, boolean upDown, boolean leftRight) {
        if (upDown && leftRight) {
            Core.flip(im, im, -1);
        } else if (upDown) {
            Core.flip(im, im, 0);
        } else if (leftRight) {
            Core.flip(im, im, 1);
        }
        labels(xywhn, upDown, leftRight);
    }
}
