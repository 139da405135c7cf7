package dev.yolotrain.engine.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.yolotrain.engine.model.BuiltinModels;
import dev.yolotrain.engine.model.ModelBuilder;
import dev.yolotrain.engine.model.YoloNet;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groups against YOLOv5's smart_optimizer (groups.txt from tools/make_optim_reference.py). */
class ParamGroupsTest {

    private static List<List<String>> expected(String set) throws IOException {
        List<List<String>> g = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String line : Files.readAllLines(Tiny.DIR.resolve("groups.txt"))) {
            String[] f = line.split(" ");
            if (f.length == 3 && f[0].equals(set)) {
                g.get(Integer.parseInt(f[1])).add(f[2]);
            }
        }
        return g;
    }

    private static YoloNet yolov5n() {
        return new YoloNet(ModelBuilder.build(BuiltinModels.load("yolov5n").withNc(3)));
    }

    @Test
    void yolov5nGroupsAreYolov5s() throws IOException {
        ParamGroups pg = ParamGroups.of(yolov5n(), List.of());
        List<List<String>> exp = expected("yolov5n");
        for (int g = 0; g < 3; g++) {
            assertEquals(exp.get(g), pg.group(g), "group " + g);
        }
        assertEquals(List.of(60, 60, 57), List.of(pg.group(0).size(), pg.group(1).size(), pg.group(2).size()));
        assertTrue(pg.frozen().isEmpty());
    }

    @Test
    void tinyGroupsAreYolov5s() throws IOException {
        ParamGroups pg = ParamGroups.of(Tiny.KINDS, List.of());
        List<List<String>> exp = expected("tiny");
        for (int g = 0; g < 3; g++) {
            assertEquals(exp.get(g), pg.group(g), "group " + g);
        }
    }

    @Test
    void freezeLikeYolov5() {
        assertEquals(List.of(), ParamGroups.freezePrefixes(List.of(0)));
        assertEquals(List.of("model.0.", "model.1.", "model.2."), ParamGroups.freezePrefixes(List.of(3)));
        assertEquals(List.of("model.1.", "model.3."), ParamGroups.freezePrefixes(List.of(1, 3)));
        ParamGroups all = ParamGroups.of(yolov5n(), List.of());
        ParamGroups pg = ParamGroups.of(yolov5n(), ParamGroups.freezePrefixes(List.of(10)));
        for (String n : pg.frozen()) {
            int layer = Integer.parseInt(n.split("\\.")[1]);
            assertTrue(layer < 10, n);
        }
        for (int g = 0; g < 3; g++) {
            for (String n : pg.group(g)) {
                assertTrue(Integer.parseInt(n.split("\\.")[1]) >= 10, n);
            }
        }
        assertEquals(all.size(), pg.size() + pg.frozen().size());
        assertTrue(pg.frozen().contains("model.9.cv2.conv.weight"));
        assertTrue(!pg.frozen().contains("model.10.conv.weight"), "model.1. must not match model.10.");
    }

    @Test
    void frozenParametersGetNoGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            YoloNet net = yolov5n();
            net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            ParamGroups pg = ParamGroups.of(net, ParamGroups.freezePrefixes(List.of(2)));
            pg.disableFrozenGradients(net.namedParameters());
            ParameterStore ps = new ParameterStore(m, false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList out = net.forward(ps, new NDList(m.randomUniform(0, 1, new Shape(1, 3, 64, 64))), true);
                NDArray loss = out.get(0).sum().add(out.get(1).sum()).add(out.get(2).sum());
                gc.backward(loss);
            }
            for (String n : pg.frozen()) {
                assertNull(Grads.of(net.namedParameters().get(n).getArray()), n);
            }
            for (int g = 0; g < 3; g++) {
                for (String n : pg.group(g)) {
                    try (NDArray grad = Grads.of(net.namedParameters().get(n).getArray())) {
                        assertNotNull(grad, n);
                    }
                }
            }
            assertEquals(6, pg.frozen().size()); // conv.weight, bn.weight, bn.bias of model.0 and model.1
        }
    }
}
