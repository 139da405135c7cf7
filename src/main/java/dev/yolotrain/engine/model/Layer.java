package dev.yolotrain.engine.model;

import dev.yolotrain.engine.model.module.Module;
import java.util.List;

/**
 * One built yml row.
 *
 * @param index layer index
 * @param from input layer indices as written (-1 = previous)
 * @param inputs absolute input indices (-1 = the image)
 * @param number repeat count after depth scaling
 * @param type module type name as YOLOv5 prints it
 * @param args arguments after channel scaling, as YOLOv5 prints them
 * @param module the computation (null for Detect, which the graph holds itself)
 * @param params trainable parameter count of this layer
 */
public record Layer(
        int index, List<Integer> from, int[] inputs, int number, String type, List<Object> args, Module module, long params) {}
