package dev.yolotrain.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Decodes images into 8-bit BGR (JPEGs with {@link JpegTurbo} where it loads, everything else with OpenCV's
 * {@code imdecode} on the file's bytes), turned upright by
 * the JPEG's EXIF orientation (applied here, not by OpenCV, so that the scan and the loader agree).
 */
public final class ImageDecoder {

    /** Images narrower or lower than this are skipped, as in YOLOv5. */
    public static final int MIN_SIDE = 10;

    private ImageDecoder() {}

    /** The upright BGR image; the caller releases it. Throws {@link DatasetException} naming the file. */
    public static Mat read(Path file) {
        return decode(file, readBytes(file));
    }

    /** The file's bytes; throws {@link DatasetException} naming the file. */
    public static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read image: " + DataConfigParser.describe(e));
        }
    }

    /** The upright BGR image from {@code file}'s bytes; throws {@link DatasetException} naming the file. */
    public static Mat decode(Path file, byte[] bytes) {
        Mat m = decode(bytes);
        if (m == null) {
            throw new DatasetException(file + ": cannot decode image");
        }
        return m;
    }

    /**
     * The stored {width, height} when the bytes are a JPEG that is upright as stored (no EXIF rotation)
     * and {@link JpegTurbo} can decode rectangles of; otherwise null.
     */
    public static int[] croppableJpegSize(byte[] bytes) {
        if (!isJpeg(bytes) || !JpegTurbo.available() || ExifOrientation.read(bytes) != ExifOrientation.NORMAL) {
            return null;
        }
        return JpegTurbo.size(bytes);
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
        if (isJpeg(bytes) && JpegTurbo.available()) {
            Mat m = JpegTurbo.decode(bytes);
            if (m != null) {
                return m;
            }
            // corrupt or unusual (CMYK, truncated): OpenCV decides, as it would without the native decoder
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
