package dev.yolotrain.engine.data.loader;

import org.opencv.core.Mat;

/** The scratch images one worker reuses from sample to sample; released when the loader closes. */
final class Workspace implements AutoCloseable {
    final Mat canvas = new Mat();
    final Mat image = new Mat();
    final Mat second = new Mat();
    final Mat letterboxed = new Mat();
    final Mat hsv = new Mat();
    final Mat lut = new Mat();
    final Mat matrix = new Mat();
    byte[] pixels = new byte[0];

    byte[] pixels(int n) {
        if (pixels.length < n) {
            pixels = new byte[n];
        }
        return pixels;
    }

    @Override
    public void close() {
        for (Mat m : new Mat[] {canvas, image, second, letterboxed, hsv, lut, matrix}) {
            m.release();
        }
    }
}
