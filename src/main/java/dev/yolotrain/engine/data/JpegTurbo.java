package dev.yolotrain.engine.data;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * JPEG decoding with the system's libjpeg-turbo through the loader's {@link NativeLibrary}. It decodes about 4x
 * faster than OpenCV's bundled decoder, into an image the caller owns, and can decode just a rectangle.
 * Pixels are the same as OpenCV's (both are libjpeg-turbo with its default, exact integer IDCT): tests
 * check it. When the library is missing or cannot load, {@link #available()} is false and callers use
 * OpenCV.
 */
public final class JpegTurbo {

    private JpegTurbo() {}

    /** True when the native decoder is loaded (see {@link NativeLibrary}). */
    public static boolean available() {
        return NativeLibrary.available();
    }

    /** The stored {width, height} from the JPEG header, or null when the header cannot be read. */
    public static int[] size(byte[] jpeg) {
        if (!available()) {
            return null;
        }
        int[] wh = new int[2];
        return nSize(jpeg, jpeg.length, wh) == 0 ? wh : null;
    }

    /**
     * Decodes the dst.rows()×dst.cols() rectangle at (x, y) of a width×height JPEG into {@code dst} (8-bit
     * BGR, may be a view into a larger image). Returns false, with dst partly written, when the stored size
     * is not width×height or the data is corrupt or truncated (even where libjpeg would only warn), or when
     * the decoder is not {@link #available()}.
     */
    public static boolean decode(byte[] jpeg, int width, int height, int x, int y, Mat dst) {
        if (dst.type() != CvType.CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit BGR destination, got type " + dst.type());
        }
        if (!available()) {
            return false;
        }
        if (dst.rows() == 0 || dst.cols() == 0) {
            return true;
        }
        long step = dst.step1(0) * dst.elemSize1();
        return nDecode(jpeg, jpeg.length, dst.dataAddr(), step, width, height, x, y, dst.cols(), dst.rows()) == 0;
    }

    /** Larger images are left to OpenCV, which refuses them with its own limit (the same number). */
    static final long MAX_PIXELS = 1L << 30;

    /** The whole image as stored (EXIF orientation not applied), or null when it cannot be decoded here. */
    public static Mat decode(byte[] jpeg) {
        int[] wh = size(jpeg);
        if (wh == null || wh[0] <= 0 || wh[1] <= 0 || (long) wh[0] * wh[1] > MAX_PIXELS) {
            return null;
        }
        Mat m = new Mat(wh[1], wh[0], CvType.CV_8UC3);
        if (!decode(jpeg, wh[0], wh[1], 0, 0, m)) {
            m.release();
            return null;
        }
        return m;
    }

    private static native int nSize(byte[] data, int len, int[] out);

    private static native int nDecode(byte[] data, int len, long dst, long dstStep, int width, int height,
            int x, int y, int w, int h);
}
