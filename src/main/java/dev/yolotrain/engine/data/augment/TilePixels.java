package dev.yolotrain.engine.data.augment;

import org.opencv.core.Mat;

/**
 * One mosaic tile's pixels, handed out a rectangle at a time: either an image in memory or one decoded
 * on demand, straight into the canvas, only where the canvas needs it.
 */
public interface TilePixels {

    int width();

    int height();

    /** Copies the to.rows()×to.cols() block whose top-left pixel is (x, y) into {@code to}. */
    void copyTo(int x, int y, Mat to);

    /** A tile backed by an image in memory (not released here). */
    static TilePixels of(Mat image) {
        return new TilePixels() {
            @Override
            public int width() {
                return image.cols();
            }

            @Override
            public int height() {
                return image.rows();
            }

            @Override
            public void copyTo(int x, int y, Mat to) {
                Mat from = image.submat(y, y + to.rows(), x, x + to.cols());
                from.copyTo(to);
                from.release();
            }
        };
    }
}
