package dev.yolotrain.service.storage;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Where files live. Today a root folder shared by the API and the workers; the one interface so that
 * object storage can come later.
 */
public interface Storage {

    /** The extracted dataset (created by the upload, removed by DELETE). */
    Path datasetDir(UUID datasetId);

    /** A job's folder: data.yaml, hyp.yaml, model.yml, train.log and the engine's run folder. */
    Path jobDir(UUID jobId);

    /** The engine's run folder of a job (results.csv, weights/best|last.safetensors). */
    default Path runDir(UUID jobId) {
        return jobDir(jobId).resolve("run");
    }

    /** An uploaded state dict. */
    Path weightFile(UUID weightId, String format);

    /** A fresh private folder for work in progress (uploads being checked); the caller deletes it. */
    Path newTempDir(String prefix);

    /** Text for a user: server paths under the storage root shown relative to it. */
    default String hidePaths(String text) {
        return text;
    }

    /** Removes a file or a folder tree; missing is fine. */
    void delete(Path path);
}
