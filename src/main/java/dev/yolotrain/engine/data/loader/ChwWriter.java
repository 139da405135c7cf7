package dev.yolotrain.engine.data.loader;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** 8-bit BGR HWC → 8-bit RGB CHW (the batch's planes), with optional flips. */
final class ChwWriter {

    private ChwWriter() {}

    /** Writes {@code bgr} (h×w CV_8UC3; flipped in place when asked) at {@code out[offset ..]} as planes R, G, B. */
    static void write(Mat bgr, Workspace ws, byte[] out, int offset, boolean flipUd, boolean flipLr) {
        if (bgr.type() != CvType.CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit BGR image, got type " + bgr.type());
        }
        if (flipUd || flipLr) {
            Core.flip(bgr, bgr, flipUd && flipLr ? -1 : flipUd ? 0 : 1);
        }
        int plane = bgr.rows() * bgr.cols();
        byte[] tmp = ws.bytes(plane);
        for (int c = 0; c < 3; c++) {
            Core.extractChannel(bgr, ws.plane, 2 - c); // R, G, B from B, G, R
            ws.plane.get(0, 0, tmp);
            System.arraycopy(tmp, 0, out, offset + c * plane, plane);
        }
    }
}
