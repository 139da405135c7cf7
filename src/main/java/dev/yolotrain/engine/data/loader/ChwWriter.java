package dev.yolotrain.engine.data.loader;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** 8-bit BGR HWC → float RGB CHW in [0, 1], with optional flips folded into the copy. */
final class ChwWriter {

    private static final float[] SCALE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            SCALE[i] = i / 255f;
        }
    }

    private ChwWriter() {}

    /** Writes {@code bgr} (h×w CV_8UC3) at {@code out[offset ..]} as 3 planes R, G, B. */
    static void write(Mat bgr, byte[] scratch, float[] out, int offset, boolean flipUd, boolean flipLr) {
        if (bgr.type() != CvType.CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit BGR image, got type " + bgr.type());
        }
        int h = bgr.rows();
        int w = bgr.cols();
        int plane = h * w;
        Mat src = bgr.isContinuous() ? bgr : bgr.clone();
        src.get(0, 0, scratch);
        if (src != bgr) {
            src.release();
        }
        int r0 = offset;
        int g0 = offset + plane;
        int b0 = offset + 2 * plane;
        for (int y = 0; y < h; y++) {
            int sy = flipUd ? h - 1 - y : y;
            int srow = sy * w * 3;
            int drow = y * w;
            if (flipLr) {
                for (int x = 0, s = srow + (w - 1) * 3; x < w; x++, s -= 3) {
                    out[b0 + drow + x] = SCALE[scratch[s] & 0xFF];
                    out[g0 + drow + x] = SCALE[scratch[s + 1] & 0xFF];
                    out[r0 + drow + x] = SCALE[scratch[s + 2] & 0xFF];
                }
            } else {
                for (int x = 0, s = srow; x < w; x++, s += 3) {
                    out[b0 + drow + x] = SCALE[scratch[s] & 0xFF];
                    out[g0 + drow + x] = SCALE[scratch[s + 1] & 0xFF];
                    out[r0 + drow + x] = SCALE[scratch[s + 2] & 0xFF];
                }
            }
        }
    }
}
