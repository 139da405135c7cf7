package dev.yolotrain.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * JPEG decoding with the system's libjpeg-turbo through the small JNI library built from src/main/native
 * (bundled in the jar when the build machine had gcc and libjpeg-turbo's headers). It decodes about 4x
 * faster than OpenCV's bundled decoder, into an image the caller owns, and can decode just a rectangle.
 * Pixels are the same as OpenCV's (both are libjpeg-turbo with its default, exact integer IDCT): tests
 * check it. When the library is missing or cannot load, {@link #available()} is false and callers use
 * OpenCV; {@code -Dyolotrain.jpeg.native=false} forces that.
 */
public final class JpegTurbo {

    private static final String LIBRARY = "yolotrain_jpeg";
    private static final Object LOCK = new Object();
    private static volatile Boolean available;
    private static String unavailableReason = "";

    private JpegTurbo() {}

    /** True when the native decoder is loaded (loads it on the first call). */
    public static boolean available() {
        Boolean a = available;
        if (a == null) {
            synchronized (LOCK) {
                if (available == null) {
                    available = load();
                }
                a = available;
            }
        }
        return a;
    }

    /** Why {@link #available()} is false ("" when it is true). */
    public static String unavailableReason() {
        available();
        return unavailableReason;
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

    /** The whole image as stored (EXIF orientation not applied), or null when it cannot be decoded here. */
    public static Mat decode(byte[] jpeg) {
        int[] wh = size(jpeg);
        if (wh == null || wh[0] <= 0 || wh[1] <= 0) {
            return null;
        }
        Mat m = new Mat(wh[1], wh[0], CvType.CV_8UC3);
        if (!decode(jpeg, wh[0], wh[1], 0, 0, m)) {
            m.release();
            return null;
        }
        return m;
    }

    private static boolean load() {
        if (!Boolean.parseBoolean(System.getProperty("yolotrain.jpeg.native", "true"))) {
            unavailableReason = "disabled by -Dyolotrain.jpeg.native=false";
            return false;
        }
        String platform = platform();
        String resource = "/native/" + platform + "/lib" + LIBRARY + ".so";
        try (InputStream in = JpegTurbo.class.getResourceAsStream(resource)) {
            if (in == null) {
                unavailableReason = "not built for " + platform + " (needs gcc and libjpeg-turbo's headers at build time)";
                return false;
            }
            OpenCv.load(); // the decoder writes into Mats
            Path dir = Files.createTempDirectory("yolotrain-native");
            Path lib = dir.resolve("lib" + LIBRARY + ".so");
            Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
            try {
                System.load(lib.toString());
            } finally { // the mapping stays valid after the file is gone
                Files.deleteIfExists(lib);
                Files.deleteIfExists(dir);
            }
            return true;
        } catch (IOException | LinkageError e) {
            unavailableReason = "cannot load: " + e.getMessage();
            return false;
        }
    }

    private static String platform() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86-64" : arch;
        return (os.contains("linux") ? "linux" : os.replace(' ', '-')) + "-" + a.replace("x86-64", "x86_64");
    }

    private static native int nSize(byte[] data, int len, int[] out);

    private static native int nDecode(byte[] data, int len, long dst, long dstStep, int width, int height,
            int x, int y, int w, int h);
}
