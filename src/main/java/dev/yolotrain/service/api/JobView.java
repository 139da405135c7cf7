package dev.yolotrain.service.api;

import dev.yolotrain.service.job.JobStatus;
import dev.yolotrain.service.job.TrainingJob;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A job as the API shows it: state, attempt, epoch i/n, best fitness, latest metrics (the last epoch_end
 * event: every results.csv column), latest progress, failure reason, timestamps.
 */
public record JobView(UUID id, JobStatus status, UUID datasetId, String model, int epochs, int batchSize, int imgSize,
        JsonNode hyp, JsonNode options, String weights, int attempt, int maxAttempts, int epoch, String epochProgress,
        Double bestFitness, JsonNode latestMetrics, JsonNode progress, String failureReason, String workerId,
        Instant createdAt, Instant startedAt, Instant finishedAt, Instant updatedAt) {

    static JobView of(TrainingJob j, ObjectMapper json) {
        return new JobView(j.getId(), j.getStatus(), j.getDatasetId(), j.getModel(), j.getEpochs(), j.getBatchSize(),
                j.getImgSize(), json.readTree(j.getHyp()), json.readTree(j.getOptions()), j.getWeights(), j.getAttempt(),
                j.getMaxAttempts(), j.getEpoch(), j.getEpoch() + "/" + j.getEpochs(), j.getBestFitness(),
                j.getLatestMetrics() == null ? null : json.readTree(j.getLatestMetrics()),
                j.getProgress() == null ? null : json.readTree(j.getProgress()), j.getFailureReason(), j.getWorkerId(),
                j.getCreatedAt(), j.getStartedAt(), j.getFinishedAt(), j.getUpdatedAt());
    }
}
