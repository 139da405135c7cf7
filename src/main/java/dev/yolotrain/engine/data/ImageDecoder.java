package dev.yolotrain.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Decodes images with OpenCV ({@code imdecode} on the file's bytes) into 8-bit BGR, turned upright by
 * the JPEG's EXIF orientation (applied here, not by OpenCV, so that the scan and the loader agree).
 */
public final class ImageDecoder {

    /** Images narrower or lower than this are skipped, as in YOLOv5. */
    public static final int MIN_SIDE = 10;

    private ImageDecoder() {}

    /** The upright BGR image; the caller releases it. Throws {@link DatasetException} naming the file. */
    public static Mat read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read image: " + DataConfigParser.describe(e));
        }
        Mat m = decode(bytes);
        if (m == null) {
            throw new DatasetException(file + ": cannot decode image");
        }
        return m;
    }

    /** The upright BGR image, or null when OpenCV cannot decode the bytes; the caller releases it. */
    public static Mat decode(byte[] bytes) {
        Mat raw = decodeAsStored(bytes);
        if (raw == null) {
            return null;
        }
        int orientation = ExifOrientation.read(bytes);
        if (orientation == ExifOrientation.NORMAL) {
            return raw;
        }
        Mat upright = ExifOrientation.apply(raw, orientation);
        raw.release();
        return upright;
    }

    /** The pixels as stored (EXIF orientation ignored), or null when undecodable. */
    static Mat decodeAsStored(byte[] bytes) {
        OpenCv.load();
        if (bytes.length == 0) {
            return null;
        }
        MatOfByte buf = new MatOfByte(bytes);
        try {
            Mat m = Imgcodecs.imdecode(buf, Imgcodecs.IMREAD_COLOR | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
            if (m == null || m.empty()) {
                if (m != null) {
                    m.release();
                }
                return null;
            }
            return m;
        } finally {
            buf.release();
        }
    }

    /** True when the bytes start like a JPEG (FF D8 FF). */
    static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    /** True when a JPEG ends with its end-of-image marker FF D9. */
    static boolean hasJpegEnd(byte[] b) {
        return b.length >= 2 && (b[b.length - 2] & 0xFF) == 0xFF && (b[b.length - 1] & 0xFF) == 0xD9;
    }
}
