package dev.yolotrain.engine.data.loader;

import dev.yolotrain.engine.data.augment.GrowingImage;
import dev.yolotrain.engine.data.augment.HsvAugment;
import org.opencv.core.Mat;

/** The scratch images one worker reuses from sample to sample; released when the loader closes. */
final class Workspace implements AutoCloseable {
    final GrowingImage canvas = new GrowingImage();
    final GrowingImage zoomed = new GrowingImage();
    final Mat image = new Mat();
    final Mat second = new Mat();
    final Mat letterboxed = new Mat();
    final Mat hsv = new Mat();
    final Mat[] hsvScratch = HsvAugment.scratch();
    final Mat matrix = new Mat();
    final Mat plane = new Mat();
    final Mat planeF = new Mat();
    float[] floats = new float[0];

    float[] floats(int n) {
        if (floats.length != n) {
            floats = new float[n];
        }
        return floats;
    }

    @Override
    public void close() {
        for (Mat m : new Mat[] {image, second, letterboxed, hsv, matrix, plane, planeF}) {
            m.release();
        }
        canvas.close();
        zoomed.close();
        for (Mat m : hsvScratch) {
            m.release();
        }
    }
}
