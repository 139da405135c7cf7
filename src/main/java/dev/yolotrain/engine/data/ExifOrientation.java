package dev.yolotrain.engine.data;

import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * The EXIF orientation (tag 0x0112, values 1..8) of a JPEG, read from its APP1 "Exif" segment by a
 * small parser (markers up to the first scan; TIFF header in either byte order; IFD0 only), and its
 * application to a decoded image. Other formats report 1 (as stored).
 */
public final class ExifOrientation {

    public static final int NORMAL = 1;

    private ExifOrientation() {}

    /** 1..8; 1 when the bytes are not a JPEG, carry no EXIF orientation, or carry a malformed one. */
    public static int read(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            return NORMAL;
        }
        int pos = 2;
        while (pos + 4 <= b.length) {
            if ((b[pos] & 0xFF) != 0xFF) {
                return NORMAL;
            }
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                pos++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // no length
                pos += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) { // start of scan / end of image: no EXIF after this
                return NORMAL;
            }
            int len = u16(b, pos + 2, false);
            if (len < 2 || pos + 2 + len > b.length) {
                return NORMAL;
            }
            if (marker == 0xE1 && len >= 16 && isExifHeader(b, pos + 4)) {
                int o = tiffOrientation(b, pos + 10, pos + 2 + len);
                if (o != 0) {
                    return o;
                }
            }
            pos += 2 + len;
        }
        return NORMAL;
    }

    /** True when the orientation swaps width and height (5..8). */
    public static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** A new Mat with {@code src} turned upright for the given orientation (a copy for 1). */
    public static Mat apply(Mat src, int orientation) {
        Mat dst = new Mat();
        switch (orientation) {
            case 2 -> Core.flip(src, dst, 1); // mirror horizontal
            case 3 -> Core.rotate(src, dst, Core.ROTATE_180);
            case 4 -> Core.flip(src, dst, 0); // mirror vertical
            case 5 -> Core.transpose(src, dst); // mirror along the main diagonal
            case 6 -> Core.rotate(src, dst, Core.ROTATE_90_CLOCKWISE);
            case 7 -> { // mirror along the anti-diagonal
                Mat t = new Mat();
                Core.transpose(src, t);
                Core.rotate(t, dst, Core.ROTATE_180);
                t.release();
            }
            case 8 -> Core.rotate(src, dst, Core.ROTATE_90_COUNTERCLOCKWISE);
            default -> src.copyTo(dst);
        }
        return dst;
    }

    private static boolean isExifHeader(byte[] b, int at) {
        return b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0 && b[at + 5] == 0;
    }

    /** The orientation in the TIFF structure at [tiff, end), or 0 when absent or malformed. */
    private static int tiffOrientation(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 0;
        }
        boolean le;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            le = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            le = false;
        } else {
            return 0;
        }
        if (u16(b, tiff + 2, le) != 42) {
            return 0;
        }
        long ifd = u32(b, tiff + 4, le);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return 0;
        }
        int at = (int) (tiff + ifd);
        int count = u16(b, at, le);
        for (int i = 0; i < count; i++) {
            int e = at + 2 + 12 * i;
            if (e + 12 > end) {
                return 0;
            }
            if (u16(b, e, le) == 0x0112) {
                int type = u16(b, e + 2, le);
                int v = type == 3 ? u16(b, e + 8, le) : type == 4 ? (int) u32(b, e + 8, le) : 0;
                return v >= 1 && v <= 8 ? v : 0;
            }
        }
        return 0;
    }

    private static int u16(byte[] b, int at, boolean le) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return le ? x | (y << 8) : (x << 8) | y;
    }

    private static long u32(byte[] b, int at, boolean le) {
        long hi = u16(b, le ? at + 2 : at, le);
        long lo = u16(b, le ? at : at + 2, le);
        return (hi << 16) | lo;
    }
}
