package dev.yolotrain.engine.io;

import static dev.yolotrain.engine.io.TestFiles.assertFails;
import static dev.yolotrain.engine.io.TestFiles.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {

    @TempDir
    Path dir;

    /** A zip of deflated entries (Npz.write makes the stored kind), as np.savez_compressed does. */
    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return f;
    }

    @Test
    void roundTripsInOrderWithStoredEntries() throws IOException {
        LinkedHashMap<String, HostTensor> in = new LinkedHashMap<>();
        for (HostTensor t : TestFiles.oneOfEachType()) {
            if (t.type() != TensorType.BF16) {
                in.put("model.9." + t.type().name().toLowerCase(), t);
            }
        }
        in.put("a_scalar", HostTensor.ofLongs(new long[0], new long[] {5}));
        in.put("empty", HostTensor.ofFloats(new long[] {3, 0}, new float[0]));
        Path f = dir.resolve("rt.npz");
        Npz.write(f, in);
        LinkedHashMap<String, HostTensor> back = Npz.read(f);
        assertEquals(List.copyOf(in.keySet()), List.copyOf(back.keySet()));
        assertEquals(in, back);
        try (ZipFile z = new ZipFile(f.toFile())) {
            assertTrue(z.stream().allMatch(e -> e.getMethod() == ZipEntry.STORED && e.getName().endsWith(".npy")));
        }
        assertEquals(new TensorFile(in, Map.of()), TensorFiles.read(f));
    }

    @Test
    void readsDeflatedEntries() throws IOException {
        HostTensor t = HostTensor.ofFloats(new long[] {2, 2}, new float[] {1, 2, 3, 4});
        java.io.ByteArrayOutputStream npy = new java.io.ByteArrayOutputStream();
        Npy.write(npy, t);
        Path f = zip("d.npz", Map.of("w.npy", npy.toByteArray()));
        try (ZipFile z = new ZipFile(f.toFile())) {
            assertEquals(ZipEntry.DEFLATED, z.getEntry("w.npy").getMethod());
        }
        assertEquals(Map.of("w", t), Npz.read(f));
    }

    /**
     * Made by numpy 1.24 (src/test/resources/io/numpy_mixed.npz, deflated entries):
     * python3 -c "import numpy as np; np.savez_compressed('numpy_mixed.npz',
     * w=np.arange(6,dtype='<f4').reshape(2,3)/4, h=np.array([1,-2.5,65504,6e-8],dtype='<f2'), n=np.int64(7),
     * b=np.array([True,False]), u=np.arange(250,256,dtype=np.uint8), be=np.array([1.5,-3],dtype='>f4'),
     * i=np.array([-1,2**31-1],dtype='<i4'), e=np.zeros((0,3),dtype='<f8'))"
     */
    @Test
    void readsAFileWrittenByNumpy() throws URISyntaxException {
        Path f = Path.of(getClass().getResource("/io/numpy_mixed.npz").toURI());
        LinkedHashMap<String, HostTensor> m = Npz.read(f);
        assertEquals(List.of("w", "h", "n", "b", "u", "be", "i", "e"), List.copyOf(m.keySet()));
        assertArrayEquals(new long[] {2, 3}, m.get("w").shape());
        assertArrayEquals(new float[] {0, 0.25f, 0.5f, 0.75f, 1, 1.25f}, m.get("w").toFloatArray());
        assertEquals(TensorType.F16, m.get("h").type());
        assertArrayEquals(new float[] {1, -2.5f, 65504, 0x1p-24f}, m.get("h").toFloatArray()); // 6e-8 → subnormal
        assertArrayEquals(new long[0], m.get("n").shape());
        assertArrayEquals(new long[] {7}, m.get("n").toLongArray());
        assertEquals(TensorType.BOOL, m.get("b").type());
        assertArrayEquals(new long[] {1, 0}, m.get("b").toLongArray());
        assertArrayEquals(new long[] {250, 251, 252, 253, 254, 255}, m.get("u").toLongArray());
        assertArrayEquals(new float[] {1.5f, -3f}, m.get("be").toFloatArray());
        assertArrayEquals(new long[] {-1, Integer.MAX_VALUE}, m.get("i").toLongArray());
        assertArrayEquals(new long[] {0, 3}, m.get("e").shape());
        assertEquals(TensorType.F64, m.get("e").type());
    }

    @Test
    void errorsNameTheEntry() throws IOException {
        byte[] good = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]);
        byte[] bad = npy("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", new byte[8]);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ok.npy", good);
        entries.put("model.0.conv.weight.npy", bad);
        Path f = zip("bad.npz", entries);
        assertFails(() -> Npz.read(f), "bad.npz:model.0.conv.weight.npy", "'<c8'");

        byte[] shortData = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (100000000,), }", new byte[4]);
        Path t = zip("trunc.npz", Map.of("big.npy", shortData));
        assertFails(() -> Npz.read(t), "trunc.npz:big.npy", "truncated");

        Path other = zip("other.npz", Map.of("readme.txt", new byte[] {1}));
        assertFails(() -> Npz.read(other), "other.npz:readme.txt", "not a .npy");
    }

    @Test
    void rejectsNonZipAndCorruptZip() throws IOException {
        Path f = Files.write(dir.resolve("x.npz"), "PK but not a zip".getBytes());
        assertFails(() -> Npz.read(f), "x.npz", "zip");
        assertFails(() -> Npz.read(dir.resolve("missing.npz")), "missing.npz", "not found");
    }

    @Test
    void refusesBf16AndWritesNothing() {
        Path f = dir.resolve("bf.npz");
        assertFails(() -> Npz.write(f, Map.of("w", HostTensor.of(TensorType.BF16, new long[] {1}, new byte[2]))),
                "bf.npz:w.npy", "BF16");
        assertTrue(Files.notExists(f));
    }
}
