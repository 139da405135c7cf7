package dev.yolotrain.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class YoloNetTest {

    @Test
    void forwardShapesInTrainingAndInference() {
        ModelGraph g = ModelBuilder.build(BuiltinModels.load("yolov5n").withNc(3));
        try (NDManager m = NDManager.newBaseManager()) {
            YoloNet net = new YoloNet(g);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            ParameterStore ps = new ParameterStore(m, false);
            NDList train = net.forward(ps, new NDList(m.randomUniform(0, 1, new Shape(2, 3, 64, 96))), true);
            assertEquals(3, train.size());
            assertEquals(new Shape(2, 3, 8, 12, 8), train.get(0).getShape());
            assertEquals(new Shape(2, 3, 2, 3, 8), train.get(2).getShape());
            NDList eval = net.forward(ps, new NDList(m.randomUniform(0, 1, new Shape(1, 3, 64, 64))), false);
            assertEquals(4, eval.size());
            assertEquals(new Shape(1, 3 * (64 + 16 + 4), 8), eval.get(0).getShape());
            assertEquals(new Shape(1, 3, 8, 8, 8), eval.get(1).getShape());
            assertArrayEquals(new Shape[] {new Shape(2, 3, 8, 12, 8), new Shape(2, 3, 4, 6, 8), new Shape(2, 3, 2, 3, 8)},
                    net.getOutputShapes(new Shape[] {new Shape(2, 3, 64, 96)}));
            // YOLOv5's Detect bias prior: objectness log(8/(640/8)^2) on top of U(±1/sqrt(64)).
            float[] bias = net.namedParameters().get("model.24.m.0.bias").getArray().toFloatArray();
            double prior = Math.log(8.0 / (80.0 * 80.0));
            assertEquals(prior, bias[4], 1.0 / Math.sqrt(64) + 1e-6);
            assertEquals(Math.log(0.6 / (3 - 0.99)), bias[5], 1.0 / Math.sqrt(64) + 1e-6);
            // anchors are kept in grid units of their level
            float[] anchors = net.namedParameters().get("model.24.anchors").getArray().toFloatArray();
            assertEquals(10.0 / 8, anchors[0], 1e-6);
            assertEquals(326.0 / 32, anchors[17], 1e-6);
        }
    }
}
