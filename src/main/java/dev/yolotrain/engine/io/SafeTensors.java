package dev.yolotrain.engine.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the safetensors format: u64 little-endian header length N, N bytes of UTF-8 JSON,
 * then the tensor bytes. Validation follows the reference implementation: the tensors must tile the
 * data buffer exactly (no gaps, no overlap, nothing left over).
 */
public final class SafeTensors {

    /** Same limit as the reference implementation; guards against absurd allocations. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    static final String METADATA_KEY = "__metadata__";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SafeTensors() {
    }

    private record Entry(String name, TensorType type, long[] shape, long begin, long end) {
    }

    /**
     * Reads all tensors, in the order of their data offsets. Each tensor is read straight from the file
     * into its own array, so the heap holds the data once.
     */
    public static TensorFile read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = ch.size();
            if (fileSize < 8) {
                throw fail(file, "file truncated: " + fileSize + " bytes, shorter than the 8-byte header size");
            }
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, 0);
            long headerSize = len.getLong(0);
            if (headerSize < 0 || headerSize > MAX_HEADER_BYTES) {
                throw fail(file, "header size " + Long.toUnsignedString(headerSize) + " exceeds the "
                        + MAX_HEADER_BYTES + "-byte limit (not a safetensors file?)");
            }
            if (headerSize > fileSize - 8) {
                throw fail(file, "header size " + headerSize + " is larger than the rest of the file ("
                        + (fileSize - 8) + " bytes)");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerSize);
            readFully(ch, header, 8);
            long dataStart = 8 + headerSize;
            long dataSize = fileSize - dataStart;

            Map<String, String> metadata = new LinkedHashMap<>();
            List<Entry> entries = parseHeader(file, header.array(), metadata);
            checkLayout(file, entries, dataSize);

            LinkedHashMap<String, HostTensor> tensors = new LinkedHashMap<>();
            for (Entry e : entries) {
                byte[] data = new byte[(int) (e.end - e.begin)];
                readFully(ch, ByteBuffer.wrap(data), dataStart + e.begin);
                tensors.put(e.name, HostTensor.wrap(e.type, e.shape, data));
            }
            return new TensorFile(tensors, metadata);
        } catch (NoSuchFileException e) {
            throw fail(file, "file not found");
        } catch (EOFException e) {
            throw fail(file, "file truncated while reading");
        } catch (IOException e) {
            throw new TensorFileException(file + ": cannot read: " + e, e);
        }
    }

    private static List<Entry> parseHeader(Path file, byte[] header, Map<String, String> metadata) {
        if (header.length == 0 || header[0] != '{') {
            throw fail(file, "header is not a JSON object");
        }
        JsonNode root;
        try {
            root = JSON.readTree(header);
        } catch (JacksonException e) {
            throw fail(file, "invalid JSON header: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw fail(file, "header is not a JSON object");
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : root.properties()) {
            String name = p.getKey();
            JsonNode v = p.getValue();
            if (name.equals(METADATA_KEY)) {
                if (!v.isObject()) {
                    throw fail(file, METADATA_KEY + " must be an object of strings");
                }
                for (Map.Entry<String, JsonNode> m : v.properties()) {
                    if (!m.getValue().isString()) {
                        throw fail(file, METADATA_KEY + " value of \"" + m.getKey() + "\" is not a string");
                    }
                    metadata.put(m.getKey(), m.getValue().stringValue());
                }
                continue;
            }
            entries.add(parseEntry(file, name, v));
        }
        return entries;
    }

    private static Entry parseEntry(Path file, String name, JsonNode v) {
        String where = "tensor \"" + name + "\": ";
        if (!v.isObject()) {
            throw fail(file, where + "entry is not a JSON object");
        }
        JsonNode dtype = v.get("dtype");
        if (dtype == null || !dtype.isString()) {
            throw fail(file, where + "missing or non-string \"dtype\"");
        }
        TensorType type = TensorType.fromSafetensorsName(dtype.stringValue());
        if (type == null) {
            throw fail(file, where + "unknown dtype \"" + dtype.stringValue() + "\" (supported: "
                    + Arrays.toString(TensorType.values()) + ")");
        }
        JsonNode shapeNode = v.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw fail(file, where + "missing or non-array \"shape\"");
        }
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToLong()) {
                throw fail(file, where + "shape dimension " + d + " is not an integer");
            }
            shape[i] = d.longValue();
            if (shape[i] < 0) {
                throw fail(file, where + "negative dimension in shape " + shapeNode);
            }
        }
        JsonNode off = v.get("data_offsets");
        if (off == null || !off.isArray() || off.size() != 2) {
            throw fail(file, where + "\"data_offsets\" must be an array [begin, end]");
        }
        long[] be = new long[2];
        for (int i = 0; i < 2; i++) {
            JsonNode o = off.get(i);
            if (!o.isIntegralNumber() || !o.canConvertToLong() || o.longValue() < 0) {
                throw fail(file, where + "data_offsets " + off + " are not non-negative integers");
            }
            be[i] = o.longValue();
        }
        if (be[1] < be[0]) {
            throw fail(file, where + "data_offsets " + off + " end before they begin");
        }
        long expected;
        try {
            expected = HostTensor.byteSizeOf(type, shape);
        } catch (IllegalArgumentException e) {
            throw fail(file, where + e.getMessage());
        }
        if (be[1] - be[0] != expected) {
            throw fail(file, where + "data_offsets " + off + " span " + (be[1] - be[0]) + " bytes but "
                    + type + " " + Arrays.toString(shape) + " needs " + expected);
        }
        return new Entry(name, type, shape, be[0], be[1]);
    }

    /** Sorts entries into file order and checks that they tile [0, dataSize) exactly. */
    private static void checkLayout(Path file, List<Entry> entries, long dataSize) {
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long pos = 0;
        Entry prev = null;
        for (Entry e : entries) {
            if (e.end > dataSize) {
                throw fail(file, "tensor \"" + e.name + "\": data_offsets [" + e.begin + ", " + e.end
                        + "] are out of range: file truncated? the data buffer has " + dataSize + " bytes");
            }
            if (e.begin < pos) {
                throw fail(file, "tensor \"" + e.name + "\": data_offsets [" + e.begin + ", " + e.end
                        + "] overlap tensor \"" + prev.name + "\" [" + prev.begin + ", " + prev.end + "]");
            }
            if (e.begin > pos) {
                throw fail(file, "tensor \"" + e.name + "\": data_offsets begin at " + e.begin
                        + " leaving a gap after byte " + pos);
            }
            pos = e.end;
            prev = e;
        }
        if (pos != dataSize) {
            throw fail(file, "data buffer has " + dataSize + " bytes but the tensors cover " + pos
                    + " (trailing bytes after the last tensor)");
        }
    }

    /**
     * Writes the tensors in map order, atomically. The JSON header is padded with spaces to a multiple
     * of 8 bytes so that the data starts 8-byte aligned.
     */
    public static void write(Path file, Map<String, HostTensor> tensors, Map<String, String> metadata) {
        Objects.requireNonNull(tensors, "tensors");
        ObjectNode root = JSON.createObjectNode();
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode meta = root.putObject(METADATA_KEY);
            metadata.forEach((k, v) -> meta.put(Objects.requireNonNull(k, "metadata key"),
                    Objects.requireNonNull(v, "metadata value of " + k)));
        }
        long offset = 0;
        for (Map.Entry<String, HostTensor> e : tensors.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "tensor name");
            HostTensor t = Objects.requireNonNull(e.getValue(), "tensor " + name);
            if (name.equals(METADATA_KEY)) {
                throw fail(file, "a tensor cannot be named " + METADATA_KEY);
            }
            ObjectNode n = root.putObject(name);
            n.put("dtype", t.type().safetensorsName());
            ArrayNode shape = n.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            n.putArray("data_offsets").add(offset).add(offset + t.byteSize());
            offset += t.byteSize();
        }
        byte[] json = JSON.writeValueAsBytes(root);
        int padded = (json.length + 7) & ~7;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        AtomicFileWriter.write(file, out -> {
            out.write(head.array());
            for (HostTensor t : tensors.values()) {
                out.write(t.rawData());
            }
        });
    }

    private static void readFully(FileChannel ch, ByteBuffer dst, long position) throws IOException {
        long pos = position;
        while (dst.hasRemaining()) {
            int n = ch.read(dst, pos);
            if (n < 0) {
                throw new EOFException();
            }
            pos += n;
        }
    }

    private static TensorFileException fail(Path file, String problem) {
        return new TensorFileException(file + ": " + problem);
    }
}
