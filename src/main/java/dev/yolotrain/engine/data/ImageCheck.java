package dev.yolotrain.engine.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import org.opencv.core.Mat;

/**
 * Verifies one image and its label file, as YOLOv5's scan does: the image must decode, a JPEG must end
 * with its FF D9 marker (YOLOv5 re-saves such a file with a warning; here it is skipped with a reason),
 * both sides ≥ {@value ImageDecoder#MIN_SIDE} px; then the labels (see {@link LabelParser}).
 */
final class ImageCheck {

    private final LongAdder decodes;

    ImageCheck(LongAdder decodes) {
        this.decodes = decodes;
    }

    ScanEntry check(Path image, Path label) {
        boolean labelExists = Files.isRegularFile(label);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image);
        } catch (IOException e) {
            return ScanEntry.corrupt(image, label, labelExists, image, "cannot read image: " + DataConfigParser.describe(e), -1);
        }
        if (bytes.length == 0) {
            return ScanEntry.corrupt(image, label, labelExists, image, "empty image file (0 bytes)", -1);
        }
        if (ImageDecoder.isJpeg(bytes) && !ImageDecoder.hasJpegEnd(bytes)) {
            return ScanEntry.corrupt(image, label, labelExists, image,
                    "truncated JPEG: no end marker FF D9 (skipped; YOLOv5 would re-save it)", -1);
        }
        decodes.increment();
        Mat m = ImageDecoder.decodeAsStored(bytes);
        if (m == null) {
            return ScanEntry.corrupt(image, label, labelExists, image, "cannot decode image (undecodable or truncated)", -1);
        }
        int w = m.cols();
        int h = m.rows();
        m.release();
        if (w < ImageDecoder.MIN_SIDE || h < ImageDecoder.MIN_SIDE) {
            return ScanEntry.corrupt(image, label, labelExists, image,
                    "image size " + w + "x" + h + " is smaller than " + ImageDecoder.MIN_SIDE + " px", -1);
        }
        if (ExifOrientation.swapsSides(ExifOrientation.read(bytes))) {
            int t = w;
            w = h;
            h = t;
        }
        if (!labelExists) {
            return new ScanEntry(image, label, ScanEntry.Kind.MISSING, null, null, w, h, new float[0][], 0, false, -1);
        }
        String text;
        try {
            text = new String(Files.readAllBytes(label), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ScanEntry.corrupt(image, label, true, label, "cannot read label file: " + DataConfigParser.describe(e), -1);
        }
        LabelParser.Parsed p = LabelParser.parse(text);
        if (p.error() != null) {
            return ScanEntry.corrupt(image, label, true, label, p.error(), p.maxClass());
        }
        ScanEntry.Kind kind = p.boxes().length == 0 ? ScanEntry.Kind.EMPTY : ScanEntry.Kind.LABELED;
        return new ScanEntry(image, label, kind, null, null, w, h, p.boxes(), p.duplicates(), true, p.maxClass());
    }
}
