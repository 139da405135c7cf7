package dev.yolotrain.service.dataset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * A small synthetic YOLO dataset (filled boxes and discs on a noisy background, classes "box" and
 * "disc") as a zip: data.yaml, images/{train,val}/*.jpg, labels/{train,val}/*.txt. For trying the
 * service and for its tests.
 */
public final class DemoDataset {
    private DemoDataset() {}

    public static byte[] zip(int train, int val, int size, long seed) {
        System.setProperty("java.awt.headless", "true");
        Random rnd = new Random(seed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            put(z, "demo/data.yaml", "path: .\ntrain: images/train\nval: images/val\nnames:\n  0: box\n  1: disc\n");
            for (String split : new String[] {"train", "val"}) {
                int n = split.equals("train") ? train : val;
                for (int i = 0; i < n; i++) {
                    StringBuilder labels = new StringBuilder();
                    byte[] jpg = image(rnd, size, labels);
                    String stem = split + "_" + i;
                    z.putNextEntry(new ZipEntry("demo/images/" + split + "/" + stem + ".jpg"));
                    z.write(jpg);
                    z.closeEntry();
                    put(z, "demo/labels/" + split + "/" + stem + ".txt", labels.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] image(Random rnd, int size, StringBuilder labels) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < size; y += 4) {
            for (int x = 0; x < size; x += 4) {
                int v = 90 + rnd.nextInt(40);
                g.setColor(new Color(v, v, v));
                g.fillRect(x, y, 4, 4);
            }
        }
        int objects = 1 + rnd.nextInt(3);
        for (int k = 0; k < objects; k++) {
            int cls = rnd.nextInt(2);
            int w = size / 6 + rnd.nextInt(size / 3);
            int h = cls == 1 ? w : size / 6 + rnd.nextInt(size / 3);
            int x = rnd.nextInt(size - w);
            int y = rnd.nextInt(size - h);
            g.setColor(cls == 0 ? new Color(220, 40, 40) : new Color(40, 60, 220));
            if (cls == 0) {
                g.fillRect(x, y, w, h);
            } else {
                g.fillOval(x, y, w, h);
            }
            labels.append(String.format(Locale.ROOT, "%d %.6f %.6f %.6f %.6f%n", cls, (x + w / 2.0) / size, (y + h / 2.0) / size,
                    (double) w / size, (double) h / size));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    private static void put(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }
}
