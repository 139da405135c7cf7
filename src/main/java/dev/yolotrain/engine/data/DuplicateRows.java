package dev.yolotrain.engine.data;

import java.nio.file.Path;

/** A label file from which {@code count} exact duplicate rows were removed (the image is kept). */
public record DuplicateRows(Path file, int count) {}
