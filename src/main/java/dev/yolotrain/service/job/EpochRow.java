package dev.yolotrain.service.job;

/** One epoch_end event: the headline numbers and the whole event as JSON (every results.csv column). */
public record EpochRow(int epoch, Double precision, Double recall, Double map50, Double map, Double fitness, Double seconds,
        Double imagesPerSecond, String json) {}
