package dev.yolotrain.service.api;

import dev.yolotrain.service.dataset.Dataset;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A dataset as the API shows it; {@code report} is the engine's scan report (paths relative to the archive). */
public record DatasetView(UUID id, String name, int nc, List<String> names, JsonNode splits, long archiveBytes,
        long extractedBytes, int files, Instant createdAt, JsonNode report) {

    static DatasetView of(Dataset d, ObjectMapper json, boolean withReport) {
        List<String> names = List.of(json.readValue(d.getNames(), String[].class));
        return new DatasetView(d.getId(), d.getName(), d.getNc(), names, json.readTree(d.getSplits()), d.getArchiveBytes(),
                d.getExtractedBytes(), d.getFiles(), d.getCreatedAt(), withReport ? json.readTree(d.getReport()) : null);
    }
}
