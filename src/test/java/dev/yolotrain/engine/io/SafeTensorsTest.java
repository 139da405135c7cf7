package dev.yolotrain.engine.io;

import static dev.yolotrain.engine.io.TestFiles.assertFails;
import static dev.yolotrain.engine.io.TestFiles.le;
import static dev.yolotrain.engine.io.TestFiles.raw;
import static dev.yolotrain.engine.io.TestFiles.safetensors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsEveryDtypeWithMetadataInOrder() {
        LinkedHashMap<String, HostTensor> in = new LinkedHashMap<>();
        List<HostTensor> all = TestFiles.oneOfEachType();
        // reverse alphabetical names, so any sorting by name would show
        for (int i = 0; i < all.size(); i++) {
            in.put("z" + (char) ('z' - i) + "." + all.get(i).type(), all.get(i));
        }
        in.put("scalar", HostTensor.ofFloats(new long[0], new float[] {2.5f}));
        in.put("empty", HostTensor.ofLongs(new long[] {0, 4}, new long[0]));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("note", "ünïcødé \"quoted\"");
        Path f = dir.resolve("all.safetensors");
        SafeTensors.write(f, in, meta);

        TensorFile back = SafeTensors.read(f);
        assertEquals(List.copyOf(in.keySet()), List.copyOf(back.tensors().keySet()));
        assertEquals(in, back.tensors());
        assertEquals(meta, back.metadata());
        assertArrayEquals(new long[0], back.tensors().get("scalar").shape());
        assertArrayEquals(new long[] {0, 4}, back.tensors().get("empty").shape());
        assertEquals(back, TensorFiles.read(f));
    }

    @Test
    void headerIsPaddedToEightBytesAndNoTempFileRemains() throws IOException {
        Path f = dir.resolve("a.safetensors");
        SafeTensors.write(f, Map.of("x", HostTensor.ofFloats(new long[] {1}, new float[] {1})), Map.of());
        byte[] bytes = Files.readAllBytes(f);
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, n % 8);
        assertEquals(8 + n + 4, bytes.length);
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}"), header);
        assertTrue(header.endsWith(" ") || header.endsWith("}"));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
    }

    @Test
    void overwritesAnExistingFile() {
        Path f = dir.resolve("w.safetensors");
        SafeTensors.write(f, Map.of("a", HostTensor.ofFloats(new long[] {1}, new float[] {1})), Map.of());
        SafeTensors.write(f, Map.of("b", HostTensor.ofFloats(new long[] {1}, new float[] {2})), Map.of("k", "v"));
        TensorFile t = SafeTensors.read(f);
        assertEquals(List.of("b"), List.copyOf(t.tensors().keySet()));
        assertEquals(Map.of("k", "v"), t.metadata());
    }

    @Test
    void ordersTensorsByDataOffsetNotHeaderOrder() throws IOException {
        String json = "{\"second\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[1,3]},"
                + "\"__metadata__\":{\"a\":\"b\"},"
                + "\"first\":{\"dtype\":\"I8\",\"shape\":[],\"data_offsets\":[0,1]}}";
        Path f = safetensors(dir.resolve("o.safetensors"), json, new byte[] {-5, 7, (byte) 200});
        TensorFile t = SafeTensors.read(f);
        assertEquals(List.of("first", "second"), List.copyOf(t.tensors().keySet()));
        assertArrayEquals(new long[] {-5}, t.tensors().get("first").toLongArray());
        assertArrayEquals(new long[] {7, 200}, t.tensors().get("second").toLongArray());
        assertEquals(Map.of("a", "b"), t.metadata());
    }

    @Test
    void readsAnEmptyFile() throws IOException {
        Path f = safetensors(dir.resolve("e.safetensors"), "{}", new byte[0]);
        assertTrue(SafeTensors.read(f).tensors().isEmpty());
    }

    private Path withHeader(String json, int dataBytes) throws IOException {
        return safetensors(dir.resolve("bad.safetensors"), json, new byte[dataBytes]);
    }

    private static String entry(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin
                + "," + end + "]}";
    }

    @Test
    void rejectsBadHeaderSizes() throws IOException {
        Path f = raw(dir.resolve("short.safetensors"), new byte[] {1, 2, 3});
        assertFails(() -> SafeTensors.read(f), "short.safetensors", "truncated");
        Path big = raw(dir.resolve("big.safetensors"), le(1000), "{}".getBytes(StandardCharsets.UTF_8));
        assertFails(() -> SafeTensors.read(big), "big.safetensors", "header size 1000", "larger than the rest");
        Path huge = raw(dir.resolve("huge.safetensors"), le(200_000_000L), new byte[16]);
        assertFails(() -> SafeTensors.read(huge), "huge.safetensors", "limit");
        Path neg = raw(dir.resolve("neg.safetensors"), le(-1L), new byte[16]);
        assertFails(() -> SafeTensors.read(neg), "18446744073709551615", "limit");
    }

    @Test
    void rejectsInvalidJson() throws IOException {
        assertFails(() -> SafeTensors.read(withHeader("{\"a\": ", 0)), "bad.safetensors", "invalid JSON");
        assertFails(() -> SafeTensors.read(withHeader("[1, 2]", 0)), "not a JSON object");
        assertFails(() -> SafeTensors.read(withHeader("{} {}", 0)), "invalid JSON");
        String dup = "{" + entry("a", "U8", "[1]", 0, 1) + "," + entry("a", "U8", "[1]", 1, 2) + "}";
        assertFails(() -> SafeTensors.read(withHeader(dup, 2)), "invalid JSON", "a");
    }

    @Test
    void rejectsBadEntries() throws IOException {
        assertFails(() -> SafeTensors.read(withHeader("{" + entry("w", "F8", "[1]", 0, 1) + "}", 1)),
                "tensor \"w\"", "unknown dtype \"F8\"");
        assertFails(() -> SafeTensors.read(withHeader("{" + entry("w", "f32", "[1]", 0, 4) + "}", 4)),
                "unknown dtype \"f32\"");
        assertFails(() -> SafeTensors.read(withHeader("{" + entry("w", "F32", "[-1, 2]", 0, 0) + "}", 0)),
                "tensor \"w\"", "negative dimension");
        assertFails(() -> SafeTensors.read(withHeader("{" + entry("w", "F32", "[1.5]", 0, 4) + "}", 4)),
                "not an integer");
        assertFails(() -> SafeTensors.read(withHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4)),
                "data_offsets");
        assertFails(() -> SafeTensors.read(withHeader("{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}", 4)),
                "dtype");
        assertFails(() -> SafeTensors.read(withHeader("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", 4)),
                "shape");
        assertFails(() -> SafeTensors.read(withHeader("{\"w\":[]}", 0)), "not a JSON object");
        assertFails(() -> SafeTensors.read(withHeader("{\"__metadata__\":{\"a\":1}}", 0)), "not a string");
        assertFails(() -> SafeTensors.read(withHeader("{" + entry("w", "F32", "[3000000000, 3000000000]", 0, 4)
                + "}", 4)), "too large");
    }

    @Test
    void rejectsBadOffsets() throws IOException {
        assertFails(() -> SafeTensors.read(withHeader("{" + entry("w", "F32", "[2]", 0, 4) + "}", 4)),
                "tensor \"w\"", "span 4 bytes", "needs 8");
        assertFails(() -> SafeTensors.read(withHeader("{" + entry("w", "F32", "[1]", 4, 0) + "}", 4)),
                "end before they begin");
        assertFails(() -> SafeTensors.read(withHeader("{" + entry("w", "F32", "[1]", -4, 0) + "}", 4)),
                "non-negative");
        assertFails(() -> SafeTensors.read(withHeader("{" + entry("w", "F32", "[2]", 0, 8) + "}", 4)),
                "out of range", "truncated");
        String overlap = "{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[1]", 4, 8) + "}";
        assertFails(() -> SafeTensors.read(withHeader(overlap, 8)), "overlap", "\"a\"", "\"b\"");
        String gap = "{" + entry("a", "F32", "[1]", 0, 4) + "," + entry("b", "F32", "[1]", 8, 12) + "}";
        assertFails(() -> SafeTensors.read(withHeader(gap, 12)), "gap");
        assertFails(() -> SafeTensors.read(withHeader("{" + entry("a", "F32", "[1]", 0, 4) + "}", 6)),
                "trailing bytes");
    }

    @Test
    void rejectsTruncatedData() throws IOException {
        Path f = dir.resolve("t.safetensors");
        SafeTensors.write(f, Map.of("x", HostTensor.ofFloats(new long[] {4}, new float[4])), Map.of());
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 3));
        assertFails(() -> SafeTensors.read(f), "t.safetensors", "\"x\"", "truncated");
    }

    @Test
    void reportsMissingFileAndRejectsReservedName() {
        assertFails(() -> SafeTensors.read(dir.resolve("nope.safetensors")), "nope.safetensors", "not found");
        Path f = dir.resolve("r.safetensors");
        assertFails(() -> SafeTensors.write(f, Map.of("__metadata__", HostTensor.ofLongs(new long[0],
                new long[] {1})), Map.of()), "__metadata__");
        assertTrue(Files.notExists(f));
    }
}
