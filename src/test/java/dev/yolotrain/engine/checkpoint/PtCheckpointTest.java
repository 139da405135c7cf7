package dev.yolotrain.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolotrain.engine.config.ModelConfigParser;
import dev.yolotrain.engine.io.HostTensor;
import dev.yolotrain.engine.io.Npz;
import dev.yolotrain.engine.io.TensorFileException;
import dev.yolotrain.engine.io.TensorType;
import dev.yolotrain.engine.model.ModelBuilder;
import dev.yolotrain.engine.model.ModelGraph;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YOLOv5 .pt files written by YOLOv5 v7.0 and torch.save (tools/make_pt_reference.py), read as data. */
class PtCheckpointTest {
    private static final Path DIR = Path.of("src/test/resources/pt");

    @TempDir
    Path tmp;

    private static LinkedHashMap<String, HostTensor> expected() {
        return Npz.read(DIR.resolve("tiny_expected.npz"));
    }

    @Test
    void trainPyCheckpointGivesTheModelsStateDictAndArchitecture() {
        PtCheckpoint pt = PtCheckpoint.read(DIR.resolve("tiny_ckpt.pt"));
        LinkedHashMap<String, HostTensor> want = expected();
        want.keySet().removeIf(k -> k.startsWith("sd/"));
        // the same names in the same order as YOLOv5's state_dict(), from 'model' (not the different 'ema')
        assertEquals(new ArrayList<>(want.keySet()), new ArrayList<>(pt.stateDict().keySet()));
        for (Map.Entry<String, HostTensor> e : want.entrySet()) {
            HostTensor got = pt.stateDict().get(e.getKey());
            assertArrayEquals(e.getValue().shape(), got.shape(), e.getKey());
            if (e.getValue().isFloatingPoint()) {
                assertEquals(TensorType.F16, got.type(), e.getKey());
                assertArrayEquals(e.getValue().toFloatArray(), got.toFloatArray(), e.getKey());
            } else {
                assertArrayEquals(e.getValue().toLongArray(), got.toLongArray(), e.getKey());
            }
        }
        assertEquals(349, pt.stateDict().size());

        assertNotNull(pt.cfgYaml());
        ModelGraph graph = ModelBuilder.build(ModelConfigParser.parse(pt.cfgYaml(), "tiny_ckpt.pt model yaml"));
        assertEquals(31800, graph.parameterCount(), "the architecture in the .pt builds YOLOv5's model");
    }

    @Test
    void bareStateDictWithStridedViews() {
        PtCheckpoint pt = PtCheckpoint.read(DIR.resolve("tiny_sd.pt"));
        assertNull(pt.cfgYaml());
        LinkedHashMap<String, HostTensor> want = expected();
        assertEquals(349 + 2, pt.stateDict().size());
        for (String k : List.of("extra.t", "extra.s")) {
            assertEquals(want.get("sd/" + k).toFloatArray().length, pt.stateDict().get(k).toFloatArray().length);
            assertArrayEquals(want.get("sd/" + k).toFloatArray(), pt.stateDict().get(k).toFloatArray(), k);
            assertArrayEquals(want.get("sd/" + k).shape(), pt.stateDict().get(k).shape(), k);
        }
        // float32 here: the fp16 reference values are those of the float model rounded, so compare loosely
        float[] w = pt.stateDict().get("model.0.conv.weight").toFloatArray();
        float[] h = want.get("model.0.conv.weight").toFloatArray();
        for (int i = 0; i < w.length; i++) {
            assertEquals(h[i], w[i], Math.abs(h[i]) * 1e-3f + 1e-4f);
        }
    }

    @Test
    void weightsFileReadsAPtWithItsArchitecture() {
        WeightsFile w = WeightsFile.read(DIR.resolve("tiny_ckpt.pt"));
        assertNull(w.checkpoint());
        assertNotNull(w.cfgYaml());
        assertEquals(349, w.stateDict().size());
    }

    private Path pt(String name, byte[] pickle) throws IOException {
        Path f = tmp.resolve(name);
        try (OutputStream os = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry("archive/data.pkl"));
            z.write(pickle);
            z.closeEntry();
        }
        return f;
    }

    @Test
    void picklesAreDataOnly() throws IOException {
        // os.system('touch ...') as a pickle: read as a harmless object, then refused as not a model
        Path marker = tmp.resolve("pwned");
        String cmd = "touch " + marker;
        byte[] head = "\u0080\u0002cos\nsystem\nX".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] arg = cmd.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(head);
        b.write(new byte[] {(byte) arg.length, 0, 0, 0});
        b.write(arg);
        b.write(new byte[] {(byte) 0x85, 'R', '.'});
        Path evil = pt("evil.pt", b.toByteArray());
        TensorFileException e = assertThrows(TensorFileException.class, () -> PtCheckpoint.read(evil));
        assertTrue(e.getMessage().contains("neither a model nor a state dict (found os.system)"), e.getMessage());
        assertTrue(Files.notExists(marker));

        Path truncated = pt("cut.pt", new byte[] {(byte) 0x80, 0x02, '}', 'q', 0});
        assertTrue(assertThrows(TensorFileException.class, () -> PtCheckpoint.read(truncated)).getMessage()
                .contains("unexpected end of the pickle"));
        // a tensor whose storage entry is missing
        Path noData = tmp.resolve("nodata.pt");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(DIR.resolve("tiny_sd.pt").toFile());
                ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(noData))) {
            for (ZipEntry en : java.util.Collections.list(in.entries())) {
                if (!en.getName().endsWith("/data/0")) {
                    z.putNextEntry(new ZipEntry(en.getName()));
                    in.getInputStream(en).transferTo(z);
                    z.closeEntry();
                }
            }
        }
        assertTrue(assertThrows(TensorFileException.class, () -> PtCheckpoint.read(noData)).getMessage().contains("data/0 is missing"));
    }
}
