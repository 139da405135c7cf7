package dev.yolotrain.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Zip archives for the upload tests, good and hostile. */
public final class Zips {
    private Zips() {}

    public static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                m.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    public static byte[] of(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The given entries plus a symbolic link {@code name → target}. */
    public static byte[] withSymlink(Map<String, byte[]> entries, String name, String target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                z.write(e.getValue());
                z.closeArchiveEntry();
            }
            ZipArchiveEntry link = new ZipArchiveEntry(name);
            link.setUnixMode(0120777);
            z.putArchiveEntry(link);
            z.write(target.getBytes(StandardCharsets.UTF_8));
            z.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Rewrites the uncompressed size that the central directory declares for every entry. */
    public static byte[] lyingSizes(byte[] zip, int declared) {
        byte[] z = zip.clone();
        for (int i = 0; i + 28 < z.length; i++) {
            if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 1 && z[i + 3] == 2) {
                z[i + 24] = (byte) declared;
                z[i + 25] = (byte) (declared >> 8);
                z[i + 26] = (byte) (declared >> 16);
                z[i + 27] = (byte) (declared >> 24);
            }
        }
        return z;
    }
}
