package dev.yolotrain.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scan cache of one split: a JSON file {@code {version, hash, entries}} where the hash covers every
 * image and label path with its size and modification time, so any added, removed or touched file
 * invalidates it. Written atomically (temp file + rename); a cache that cannot be read is ignored.
 */
final class ScanCache {

    static final int VERSION = 1;
    static final String SUFFIX = ".yolotrain.cache";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScanCache() {}

    /** SHA-256 over (path, size, mtime) of every image and label, in order. */
    static String hash(List<Path> images, List<Path> labels) {
        MessageDigest md = sha256();
        StringBuilder sb = new StringBuilder().append(VERSION).append('\n');
        for (int i = 0; i < images.size(); i++) {
            stamp(sb, images.get(i));
            stamp(sb, labels.get(i));
            md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
            sb.setLength(0);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stamp(StringBuilder sb, Path p) {
        sb.append(p).append('\0');
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            sb.append(a.size()).append(' ').append(a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        } catch (IOException e) {
            sb.append("-1 -1");
        }
        sb.append('\n');
    }

    /** The cached entries when {@code file} holds this version and hash for exactly these images; else null. */
    static List<ScanEntry> read(Path file, String hash, List<Path> images) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = JSON.readTree(in);
            if (root.path("version").asInt(-1) != VERSION || !hash.equals(root.path("hash").asString(""))) {
                return null;
            }
            JsonNode entries = root.path("entries");
            if (!entries.isArray() || entries.size() != images.size()) {
                return null;
            }
            List<ScanEntry> out = new ArrayList<>(images.size());
            for (int i = 0; i < images.size(); i++) {
                ScanEntry e = entry(entries.get(i));
                if (!e.image().equals(images.get(i))) {
                    return null;
                }
                out.add(e);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable or foreign: scan again
        }
    }

    /** Writes the cache; false when the location is not writable. */
    static boolean write(Path file, String hash, List<ScanEntry> entries) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("hash", hash);
        ArrayNode arr = root.putArray("entries");
        for (ScanEntry e : entries) {
            arr.add(node(e));
        }
        Path tmp = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                JSON.writeValue(out, root);
            }
            readableByAll(tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    /** createTempFile makes the file 0600; a cache is as readable as the dataset (best effort). */
    private static void readableByAll(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException | UnsupportedOperationException e) {
            // not POSIX or not permitted: keep the default
        }
    }

    private static ObjectNode node(ScanEntry e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("image", e.image().toString());
        n.put("label", e.label().toString());
        n.put("kind", e.kind().name());
        n.put("problem_file", e.problemFile() == null ? null : e.problemFile().toString());
        n.put("reason", e.reason());
        n.put("w", e.width());
        n.put("h", e.height());
        ArrayNode boxes = n.putArray("boxes");
        for (float[] b : e.boxes()) {
            ArrayNode row = boxes.addArray();
            for (float v : b) {
                row.add(v);
            }
        }
        n.put("duplicates", e.duplicates());
        n.put("label_exists", e.labelExists());
        n.put("max_class", e.maxClass());
        return n;
    }

    private static ScanEntry entry(JsonNode n) {
        JsonNode b = n.get("boxes");
        float[][] boxes = new float[b.size()][5];
        for (int i = 0; i < boxes.length; i++) {
            for (int j = 0; j < 5; j++) {
                boxes[i][j] = b.get(i).get(j).floatValue();
            }
        }
        JsonNode pf = n.get("problem_file");
        JsonNode reason = n.get("reason");
        return new ScanEntry(
                Path.of(n.get("image").asString()),
                Path.of(n.get("label").asString()),
                ScanEntry.Kind.valueOf(n.get("kind").asString()),
                pf == null || pf.isNull() ? null : Path.of(pf.asString()),
                reason == null || reason.isNull() ? null : reason.asString(),
                n.get("w").asInt(),
                n.get("h").asInt(),
                boxes,
                n.get("duplicates").asInt(),
                n.get("label_exists").asBoolean(),
                n.get("max_class").asInt());
    }
}
