package dev.yolotrain.engine.data.augment;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * A reusable 8-bit BGR buffer handing out views of any size up to the largest asked for so far. Mosaic
 * canvases and zoomed images change size from sample to sample; allocating each anew costs a page fault
 * per 4 KiB on first touch, which measured as the largest single cost of the loader after decoding.
 */
public final class GrowingImage implements AutoCloseable {
    private final Mat backing = new Mat();

    /** A rows×cols view (its contents undefined); release the view when done with it. */
    public Mat view(int rows, int cols) {
        if (backing.rows() < rows || backing.cols() < cols) {
            backing.create(Math.max(rows, backing.rows()), Math.max(cols, backing.cols()), CvType.CV_8UC3);
        }
        return backing.submat(0, rows, 0, cols);
    }

    @Override
    public void close() {
        backing.release();
    }
}
