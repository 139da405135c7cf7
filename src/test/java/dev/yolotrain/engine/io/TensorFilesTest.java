package dev.yolotrain.engine.io;

import static dev.yolotrain.engine.io.TestFiles.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorFilesTest {

    @TempDir
    Path dir;

    private final Map<String, HostTensor> tensors = Map.of("w", HostTensor.ofFloats(new long[] {2}, new float[] {1, 2}));

    @Test
    void dispatchesOnContentNotExtension() {
        Path st = dir.resolve("weights.npz"); // misleading name on purpose
        SafeTensors.write(st, tensors, Map.of("k", "v"));
        assertEquals(new TensorFile(new java.util.LinkedHashMap<>(tensors), Map.of("k", "v")), TensorFiles.read(st));
        Path npz = dir.resolve("weights.safetensors");
        Npz.write(npz, tensors);
        assertEquals(new TensorFile(new java.util.LinkedHashMap<>(tensors), Map.of()), TensorFiles.read(npz));
    }

    @Test
    void safetensorsWhoseHeaderSizeSpellsPkIsNotTakenForAZip() throws IOException {
        String json = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        String padded = json + " ".repeat(0x4B50 - json.length()); // header size bytes 50 4B = "PK"
        byte[] data = HostTensor.ofFloats(new long[] {2}, new float[] {1, 2}).toByteArray();
        Path f = TestFiles.safetensors(dir.resolve("pk.safetensors"), padded, data);
        assertEquals('P', Files.readAllBytes(f)[0]);
        assertEquals(new TensorFile(new java.util.LinkedHashMap<>(tensors), Map.of()), TensorFiles.read(f));
    }

    @Test
    void refusesPytorchZipArchives() throws IOException {
        Path pt = dir.resolve("yolov5s.pt");
        try (OutputStream os = Files.newOutputStream(pt); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry("yolov5s/data.pkl"));
            z.write(new byte[] {(byte) 0x80, 0x02, '.'});
            z.closeEntry();
            z.putNextEntry(new ZipEntry("yolov5s/data/0"));
            z.write(new byte[16]);
            z.closeEntry();
        }
        String[] expected = {"yolov5s.pt", ".pt archive", "--weights"};
        assertFails(() -> TensorFiles.read(pt), expected);
        assertFails(() -> Npz.read(pt), expected);
    }

    @Test
    void refusesLegacyPytorchPickles() throws IOException {
        Path pt = Files.write(dir.resolve("old.pt"), new byte[] {(byte) 0x80, 0x02, (byte) 0x8a, 0x0a, 0x6c,
            (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19});
        assertFails(() -> TensorFiles.read(pt), "old.pt", "legacy", "config_document/ckpt_yolov5_v4/README.md");
    }

    @Test
    void reportsMissingAndGarbageFiles() throws IOException {
        assertFails(() -> TensorFiles.read(dir.resolve("none.safetensors")), "none.safetensors", "not found");
        Path junk = Files.write(dir.resolve("junk.bin"), "hello world, not tensors".getBytes());
        assertFails(() -> TensorFiles.read(junk), "junk.bin", "header size");
        Path tiny = Files.write(dir.resolve("tiny.bin"), new byte[] {1});
        assertFails(() -> TensorFiles.read(tiny), "tiny.bin", "truncated");
    }
}
