package dev.yolotrain.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

class JpegTurboTest {

    @BeforeAll
    static void load() {
        OpenCv.load();
    }

    /** A smooth, textured colour image: neighbouring chroma differs, so upsampling errors would show. */
    private static Mat picture(int w, int h, long seed) {
        Mat m = new Mat(h, w, CvType.CV_8UC3);
        Core.setRNGSeed((int) seed);
        Core.randu(m, 0, 255);
        Imgproc.GaussianBlur(m, m, new Size(0, 0), 2);
        Imgproc.rectangle(m, new org.opencv.core.Point(w / 4.0, h / 3.0), new org.opencv.core.Point(w / 2.0, h * 0.8),
                new Scalar(20, 200, 90), -1);
        return m;
    }

    private static byte[] encode(Mat m, int... params) {
        MatOfByte buf = new MatOfByte();
        assertTrue(Imgcodecs.imencode(".jpg", m, buf, new MatOfInt(params)));
        return buf.toArray();
    }

    private static Mat opencv(byte[] jpeg) {
        return Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
    }

    private static double maxDiff(Mat a, Mat b) {
        Mat d = new Mat();
        Core.absdiff(a, b, d);
        return Core.norm(d, Core.NORM_INF);
    }

    private static byte[][] variants() {
        Mat colour = picture(203, 141, 1); // odd sizes: partial MCUs at the right and bottom edges
        Mat grey = new Mat();
        Imgproc.cvtColor(colour, grey, Imgproc.COLOR_BGR2GRAY);
        return new byte[][] {
            encode(colour, Imgcodecs.IMWRITE_JPEG_QUALITY, 90),
            encode(colour, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_444),
            encode(colour, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_422),
            encode(colour, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_411),
            encode(colour, Imgcodecs.IMWRITE_JPEG_PROGRESSIVE, 1),
            encode(colour, Imgcodecs.IMWRITE_JPEG_RST_INTERVAL, 3),
            encode(grey, Imgcodecs.IMWRITE_JPEG_QUALITY, 75),
            encode(picture(640, 480, 2), Imgcodecs.IMWRITE_JPEG_QUALITY, 95),
        };
    }

    @Test
    void isBuiltAndLoadsHere() {
        // The build compiles it where gcc and libjpeg-turbo's headers are (.ci/run installs them).
        assertTrue(JpegTurbo.available(), "native library: " + dev.yolotrain.engine.data.NativeLibrary.unavailableReason());
    }

    @Test
    void wholeImagesHaveOpenCvsPixels() {
        for (byte[] jpeg : variants()) {
            Mat ref = opencv(jpeg);
            Mat got = JpegTurbo.decode(jpeg);
            assertNotNull(got);
            assertArrayEquals(new int[] {ref.cols(), ref.rows()}, JpegTurbo.size(jpeg));
            assertEquals(0, maxDiff(ref, got), "variant of " + ref.cols() + "x" + ref.rows());
        }
    }

    @Test
    void rectanglesHaveTheWholeImagesPixelsAndTouchNothingElse() {
        Random r = new Random(7);
        int v = 0;
        for (byte[] jpeg : variants()) {
            Mat ref = opencv(jpeg);
            int w0 = ref.cols();
            int h0 = ref.rows();
            for (int k = 0; k < 40; k++) {
                int x = r.nextInt(w0);
                int y = r.nextInt(h0);
                int w = 1 + r.nextInt(w0 - x);
                int h = 1 + r.nextInt(h0 - y);
                Mat big = new Mat(h + 6, w + 8, CvType.CV_8UC3, new Scalar(1, 2, 3));
                Mat view = big.submat(2, 2 + h, 3, 3 + w);
                assertTrue(JpegTurbo.decode(jpeg, w0, h0, x, y, view));
                Mat want = ref.submat(y, y + h, x, x + w);
                assertEquals(0, maxDiff(want, view), "variant " + v + " rect " + x + "," + y + " " + w + "x" + h);
                Mat frame = new Mat(h + 6, w + 8, CvType.CV_8UC3, new Scalar(1, 2, 3));
                want.copyTo(frame.submat(2, 2 + h, 3, 3 + w));
                assertEquals(0, maxDiff(frame, big), "pixels outside the view are untouched");
            }
            v++;
        }
    }

    @Test
    void survivesDamagedFiles() {
        // a crash here would take the whole training process down: damaged bytes must give "no" or an image
        Random r = new Random(11);
        byte[][] sources = variants();
        int decoded = 0;
        for (int k = 0; k < 600; k++) {
            byte[] jpeg = sources[k % sources.length].clone();
            int flips = 1 + r.nextInt(8);
            for (int f = 0; f < flips; f++) {
                jpeg[r.nextInt(jpeg.length)] = (byte) r.nextInt(256);
            }
            if (r.nextInt(4) == 0) {
                jpeg = Arrays.copyOf(jpeg, r.nextInt(jpeg.length));
            }
            int[] wh = JpegTurbo.size(jpeg);
            Mat whole = JpegTurbo.decode(jpeg);
            if (whole != null) {
                decoded++;
                assertEquals(CvType.CV_8UC3, whole.type());
                whole.release();
            }
            if (wh != null && wh[0] > 0 && wh[1] > 0 && (long) wh[0] * wh[1] < 4_000_000) {
                int x = r.nextInt(wh[0]);
                int y = r.nextInt(wh[1]);
                Mat dst = new Mat(1 + r.nextInt(wh[1] - y), 1 + r.nextInt(wh[0] - x), CvType.CV_8UC3);
                JpegTurbo.decode(jpeg, wh[0], wh[1], x, y, dst);
                dst.release();
            }
        }
        assertTrue(decoded > 0 && decoded < 600, "some damaged files still decode, most do not: " + decoded);
    }

    @Test
    void refusesWrongSizesTruncatedAndCorruptData() {
        byte[] jpeg = variants()[0];
        Mat dst = new Mat(10, 10, CvType.CV_8UC3);
        assertFalse(JpegTurbo.decode(jpeg, 204, 141, 0, 0, dst), "stored size differs from the expected one");
        assertFalse(JpegTurbo.decode(jpeg, 203, 141, 200, 0, dst), "rectangle outside the image");

        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2); // libjpeg only warns and pads with grey
        assertNull(JpegTurbo.decode(truncated));
        Mat viaDecoder = ImageDecoder.decode(truncated);
        Mat viaOpenCv = opencv(truncated);
        assertEquals(viaOpenCv.empty(), viaDecoder == null, "the decoder falls back to OpenCV's verdict");

        byte[] garbage = Arrays.copyOf(jpeg, 200);
        Arrays.fill(garbage, 20, 200, (byte) 0x55);
        assertNull(JpegTurbo.decode(garbage));
        assertNull(JpegTurbo.size(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
    }
}
