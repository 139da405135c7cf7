package dev.yolotrain.service.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Extracts a zip into a fresh folder, refusing anything unsafe: names that are absolute, climb out
 * ({@code ..}), or are not plain; symbolic links and other special entries; more entries than allowed;
 * more bytes than allowed (counted while inflating: declared sizes are never trusted); an entry whose
 * inflated/compressed ratio marks a zip bomb; and archives that are truncated or corrupt (bad central
 * directory, CRC or length mismatch). On any refusal the caller deletes the folder.
 */
public final class SafeUnzip {
    private static final byte[] MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_MAGIC = {'P', 'K', 5, 6};
    private static final long RATIO_FLOOR = 1 << 20;

    private final long maxBytes;
    private final int maxEntries;
    private final double maxRatio;

    public SafeUnzip(long maxBytes, int maxEntries, double maxRatio) {
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
        this.maxRatio = maxRatio;
    }

    /** What was extracted. */
    public record Result(int files, long bytes) {}

    public Result extract(Path zip, Path dest) throws IOException {
        checkMagic(zip);
        ZipFile zf;
        try {
            zf = ZipFile.builder().setPath(zip).setUseUnicodeExtraFields(true).setIgnoreLocalFileHeader(false).get();
        } catch (IOException | RuntimeException e) {
            throw UploadRejected.corrupt("not a readable zip archive (truncated or corrupt): " + e.getMessage());
        }
        try (zf) {
            Path root = dest.toAbsolutePath().normalize();
            Set<String> seen = new HashSet<>();
            int count = 0;
            int files = 0;
            long total = 0;
            Enumeration<ZipArchiveEntry> en = zf.getEntriesInPhysicalOrder();
            while (en.hasMoreElements()) {
                ZipArchiveEntry e = en.nextElement();
                if (++count > maxEntries) {
                    throw UploadRejected.tooLarge("the archive has more than " + maxEntries + " entries");
                }
                String name = e.getName();
                Path target = target(root, name);
                if (e.isUnixSymlink()) {
                    throw UploadRejected.unsafeEntry(name, "is a symbolic link; links are not accepted");
                }
                int type = (e.getUnixMode() >> 12) & 0xF;
                if (e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX && type != 0 && type != 0x8 && type != 0x4) {
                    throw UploadRejected.unsafeEntry(name, "is not a regular file or folder");
                }
                if (!seen.add(target.toString())) {
                    throw UploadRejected.unsafeEntry(name, "appears twice in the archive");
                }
                try {
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    total += copy(zf, e, target, maxBytes - total);
                } catch (java.nio.file.FileSystemException fs) {
                    throw UploadRejected.unsafeEntry(name, "clashes with another entry (a file and a folder of one name?)");
                }
                files++;
            }
            return new Result(files, total);
        }
    }

    private static void checkMagic(Path zip) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(zip)) {
            n = in.readNBytes(head, 0, 4);
        }
        if (n < 4 || !(java.util.Arrays.equals(head, MAGIC) || java.util.Arrays.equals(head, EMPTY_MAGIC))) {
            throw UploadRejected.notZip("the upload is not a zip archive (it does not start with a zip local header)");
        }
    }

    /** The entry's path under root, or a refusal. */
    static Path target(Path root, String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0 || name.length() > 1024) {
            throw UploadRejected.unsafeEntry(name, "has an invalid name");
        }
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            throw UploadRejected.unsafeEntry(name, "has an absolute path");
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                throw UploadRejected.unsafeEntry(name, "climbs out of the archive (path traversal)");
            }
        }
        Path t;
        try {
            t = root.resolve(n).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw UploadRejected.unsafeEntry(name, "has an invalid name");
        }
        if (!t.startsWith(root) || t.equals(root)) {
            throw UploadRejected.unsafeEntry(name, "climbs out of the archive (path traversal)");
        }
        return t;
    }

    private long copy(ZipFile zf, ZipArchiveEntry e, Path target, long budget) throws IOException {
        if (!zf.canReadEntryData(e)) {
            throw UploadRejected.corrupt("zip entry '" + e.getName() + "' uses an unsupported method or encryption");
        }
        long written = 0;
        CRC32 crc = new CRC32();
        byte[] buf = new byte[64 * 1024];
        OutputStream created = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW);
        try (OutputStream out = created; InputStream in = zf.getInputStream(e)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                written += r;
                if (written > budget) {
                    throw UploadRejected.zipBomb(e.getName(), "the archive inflates to more than " + maxBytes
                            + " bytes (yolotrain.datasets.max-extracted-bytes)");
                }
                long compressed = Math.max(1, e.getCompressedSize());
                if (written > RATIO_FLOOR && written / (double) compressed > maxRatio) {
                    throw UploadRejected.zipBomb(e.getName(), "zip entry '" + e.getName() + "' inflates more than "
                            + (long) maxRatio + " times its compressed size (a zip bomb)");
                }
                crc.update(buf, 0, r);
                out.write(buf, 0, r);
            }
        } catch (IOException ex) {
            throw UploadRejected.corrupt("zip entry '" + e.getName() + "' is truncated or corrupt: " + ex.getMessage());
        }
        if (e.getSize() >= 0 && e.getSize() != written) {
            throw UploadRejected.corrupt("zip entry '" + e.getName() + "' inflates to " + written + " bytes, not the "
                    + e.getSize() + " it declares (truncated or corrupt)");
        }
        if (e.getCrc() >= 0 && e.getCrc() != crc.getValue()) {
            throw UploadRejected.corrupt("zip entry '" + e.getName() + "' fails its CRC check (truncated or corrupt)");
        }
        return written;
    }
}
