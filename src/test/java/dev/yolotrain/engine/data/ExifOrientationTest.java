package dev.yolotrain.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class ExifOrientationTest {

    @Test
    void readsBothByteOrders() {
        byte[] jpeg = TestImages.encode(".jpg", 20, 12);
        assertEquals(1, ExifOrientation.read(jpeg));
        for (int o = 1; o <= 8; o++) {
            assertEquals(o, ExifOrientation.read(TestImages.withOrientation(jpeg, o, true)));
            assertEquals(o, ExifOrientation.read(TestImages.withOrientation(jpeg, o, false)));
        }
    }

    @Test
    void malformedOrForeignIsNormal() {
        byte[] jpeg = TestImages.withOrientation(TestImages.encode(".jpg", 20, 12), 6, true);
        assertEquals(1, ExifOrientation.read(TestImages.encode(".png", 20, 12)));
        assertEquals(1, ExifOrientation.read(new byte[0]));
        assertEquals(1, ExifOrientation.read(TestImages.withOrientation(TestImages.encode(".jpg", 20, 12), 9, true)));
        for (int cut = 0; cut < 40; cut++) { // every truncation of the header: no exception
            ExifOrientation.read(Arrays.copyOf(jpeg, cut));
        }
        byte[] bad = jpeg.clone();
        bad[10] = 'X'; // "Exif" header broken
        assertEquals(1, ExifOrientation.read(bad));
        bad = jpeg.clone();
        bad[4] = 0x7F; // segment length past the end
        bad[5] = (byte) 0xFF;
        assertEquals(1, ExifOrientation.read(bad));
    }

    @Test
    void decodeTurnsTheImageUpright() {
        byte[] jpeg = TestImages.encode(".jpg", 20, 12); // red block at top-left (x=0, y=0)
        int[][] expect = { // orientation → {width, height, red x, red y}
            null, {20, 12, 0, 0}, {20, 12, 19, 0}, {20, 12, 19, 11}, {20, 12, 0, 11},
            {12, 20, 0, 0}, {12, 20, 11, 0}, {12, 20, 11, 19}, {12, 20, 0, 19}};
        for (int o = 1; o <= 8; o++) {
            Mat m = ImageDecoder.decode(TestImages.withOrientation(jpeg, o, o % 2 == 0));
            assertEquals(expect[o][0], m.cols(), "orientation " + o);
            assertEquals(expect[o][1], m.rows(), "orientation " + o);
            double[] px = m.get(expect[o][3], expect[o][2]);
            assertEquals(true, px[2] > 180 && px[0] < 80, "orientation " + o + " red at " + Arrays.toString(expect[o]));
            m.release();
        }
    }

    @Test
    void undecodableIsNull() {
        assertNull(ImageDecoder.decode(new byte[] {1, 2, 3, 4, 5, 6}));
        assertNull(ImageDecoder.decode(new byte[0]));
    }
}
