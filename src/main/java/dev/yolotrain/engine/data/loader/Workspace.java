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
    byte[] bytes = new byte[0];

    byte[] bytes(int n) {
        if (bytes.length != n) {
            bytes = new byte[n];
        }
        return bytes;
    }

    @Override
    public void close() {
        for (Mat m : new Mat[] {image, second, letterboxed, hsv, matrix, plane}) {
            m.release();
        }
        canvas.close();
        zoomed.close();
        for (Mat m : hsvScratch) {
            m.release();
        }
    }
}
