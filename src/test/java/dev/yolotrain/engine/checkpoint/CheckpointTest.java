package dev.yolotrain.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.yolotrain.engine.io.HostTensor;
import dev.yolotrain.engine.io.Npz;
import dev.yolotrain.engine.io.SafeTensors;
import dev.yolotrain.engine.io.TensorFileException;
import dev.yolotrain.engine.model.BuiltinModels;
import dev.yolotrain.engine.model.ModelBuilder;
import dev.yolotrain.engine.model.StateDict;
import dev.yolotrain.engine.model.TransferReport;
import dev.yolotrain.engine.model.YoloNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    private static YoloNet net(NDManager m, String cfg, int nc) {
        YoloNet net = new YoloNet(ModelBuilder.build(BuiltinModels.load(cfg).withNc(nc)));
        net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
        return net;
    }

    /** YOLOv5 v7.0 itself prints "Transferred 342/349 items" here (src/test/resources/parity/REFERENCE.md). */
    @Test
    void yolov5sFrom80To3ClassesTransfersAllButDetectOutputsAndAnchors(@TempDir Path dir) {
        try (NDManager m = NDManager.newBaseManager()) {
            Path file = dir.resolve("yolov5s80.npz");
            Npz.write(file, StateDict.export(net(m, "yolov5s", 80)));
            YoloNet target = net(m, "yolov5s", 3);
            TransferReport r = StateDict.load(target, WeightsFile.read(file).stateDict(), List.of("anchor"));
            assertEquals("Transferred 342/349 items from yolov5s80.npz", r.line("yolov5s80.npz"));
            assertEquals(List.of("model.24.anchors"), r.excluded());
            assertEquals(List.of("model.24.m.0.weight", "model.24.m.0.bias", "model.24.m.1.weight", "model.24.m.1.bias",
                    "model.24.m.2.weight", "model.24.m.2.bias"), r.shapeMismatch());
        }
    }

    @Test
    void checkpointRoundTripsEveryPart(@TempDir Path dir) {
        try (NDManager m = NDManager.newBaseManager()) {
            YoloNet a = net(m, "yolov5n", 2);
            LinkedHashMap<String, HostTensor> model = StateDict.export(a);
            LinkedHashMap<String, HostTensor> optim = new LinkedHashMap<>();
            optim.put("model.0.conv.weight/momentum", HostTensor.ofFloats(new long[] {2}, new float[] {0.5f, -1f}));
            Checkpoint c = new Checkpoint(a.graph().config().text(), List.of("cat", "dog"), model, model, 17, "SGD", optim, 4,
                    0.25, Map.of("lr0", 0.01), Map.of("epochs", 10), "epoch,x\n0,1\n",
                    new TrainState(3, 41, 16, new double[] {0.1, 0.2, 0.3}, 12, new double[] {0.01, 0.02, 0.03},
                            new double[] {0.9, 0.9, 0.9}, new LinkedHashMap<>(Map.of("model.0.conv.weight",
                                    HostTensor.ofFloats(new long[] {2}, new float[] {1e-3f, -2e-3f}))), new double[] {0.5, 0.25}, 2, 0.125));
            Path file = dir.resolve("last.safetensors");
            CheckpointFile.write(file, c);
            Checkpoint back = CheckpointFile.read(file);
            assertEquals(c.cfgYaml(), back.cfgYaml());
            assertEquals(c.names(), back.names());
            assertEquals(model, back.model());
            assertEquals(model, back.ema());
            assertEquals(17, back.emaUpdates());
            assertEquals(optim, back.optimizer());
            assertEquals(4, back.epoch());
            assertEquals(0.25, back.bestFitness());
            assertEquals(0.01, ((Number) back.hyp().get("lr0")).doubleValue());
            assertEquals(10, ((Number) back.options().get("epochs")).intValue());
            assertEquals(c.resultsCsv(), back.resultsCsv());
            assertEquals(3, back.state().nextBatch());
            assertEquals(41, back.state().lastOptStep());
            assertEquals(16, back.state().accumulate());
            assertArrayEquals(new double[] {0.1, 0.2, 0.3}, back.state().meanLoss());
            assertEquals(12, back.state().seen());
            assertArrayEquals(new double[] {0.01, 0.02, 0.03}, back.state().lr());
            assertArrayEquals(new double[] {0.9, 0.9, 0.9}, back.state().momentum());
            assertEquals(c.state().pendingGrads(), back.state().pendingGrads());
            assertArrayEquals(new double[] {0.5, 0.25}, back.state().classMaps());
            assertEquals(2, back.state().stopperEpoch());
            assertEquals(0.125, back.state().stopperFitness());
            assertEquals(null, CheckpointFile.read(file).stripped().state());

            // loading it into a fresh model reproduces the weights exactly
            YoloNet b = net(m, "yolov5n", 2);
            TransferReport r = StateDict.load(b, WeightsFile.read(file).stateDict(), List.of());
            assertEquals(r.total(), r.transferred());
            assertArrayEquals(a.namedParameters().get("model.24.m.2.bias").getArray().toFloatArray(),
                    b.namedParameters().get("model.24.m.2.bias").getArray().toFloatArray());
            assertNull(CheckpointFile.read(writeStripped(dir, c)).optimizer().isEmpty() ? null : "not stripped");
        }
    }

    private static Path writeStripped(Path dir, Checkpoint c) {
        Path p = dir.resolve("best.safetensors");
        CheckpointFile.write(p, c.stripped());
        return p;
    }

    @Test
    void plainStateDictIsNotACheckpointAndABrokenPtNamesItsPickle(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain.safetensors");
        SafeTensors.write(plain, Map.of("a", HostTensor.ofFloats(new long[] {1}, new float[] {1})), Map.of());
        assertNull(WeightsFile.read(plain).checkpoint());
        assertThrows(TensorFileException.class, () -> CheckpointFile.read(plain));
        Path pt = dir.resolve("yolov5s.pt");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(pt))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("archive/data.pkl"));
            zip.write(new byte[] {1, 2, 3});
        }
        TensorFileException e = assertThrows(TensorFileException.class, () -> WeightsFile.read(pt));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("yolov5s.pt: archive/data.pkl: unsupported pickle opcode 0x01"),
                e.getMessage());
    }
}
