package dev.yolotrain.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/** Tiny images made with OpenCV, and files written from them. */
final class TestImages {

    private TestImages() {}

    /** A w×h image encoded by extension (".jpg", ".png", ...); a 4×4 red block at the top-left, the rest grey. */
    static byte[] encode(String ext, int w, int h) {
        OpenCv.load();
        Mat m = new Mat(h, w, CvType.CV_8UC3, new Scalar(128, 128, 128));
        Mat red = m.submat(0, Math.min(4, h), 0, Math.min(4, w));
        red.setTo(new Scalar(0, 0, 255));
        red.release();
        MatOfByte buf = new MatOfByte();
        if (!Imgcodecs.imencode(ext, m, buf)) {
            throw new IllegalStateException("cannot encode " + ext);
        }
        byte[] b = buf.toArray();
        m.release();
        buf.release();
        return b;
    }

    /** The JPEG with an APP1 Exif segment carrying orientation {@code o}, inserted after SOI. */
    static byte[] withOrientation(byte[] jpeg, int o, boolean littleEndian) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        if (littleEndian) {
            tiff.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}); // header, IFD0 at 8
            tiff.writeBytes(new byte[] {2, 0}); // two entries
            tiff.writeBytes(new byte[] {0x0F, 0x01, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0}); // Make (ASCII), ignored
            tiff.writeBytes(new byte[] {0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) o, 0, 0, 0}); // Orientation SHORT
        } else {
            tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
            tiff.writeBytes(new byte[] {0, 1});
            tiff.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) o, 0, 0});
        }
        tiff.writeBytes(new byte[] {0, 0, 0, 0}); // no next IFD
        byte[] t = tiff.toByteArray();
        int len = 2 + 6 + t.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(t);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
