package dev.yolotrain.service.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A training job row. The API creates it and reads it; state changes after submission go through
 * {@link JobQueue}'s single-statement updates, never through this entity.
 */
@Entity
@Table(name = "training_job")
public class TrainingJob {
    @Id
    private UUID id;
    private String tenant;
    @Column(name = "dataset_id")
    private UUID datasetId;
    @Enumerated(EnumType.STRING)
    private JobStatus status;
    private String model;
    @Column(name = "model_yaml")
    private String modelYaml;
    private int epochs;
    @Column(name = "batch_size")
    private int batchSize;
    @Column(name = "img_size")
    private int imgSize;
    private String hyp;
    private String options;
    private String weights;
    private int attempt;
    @Column(name = "max_attempts")
    private int maxAttempts;
    private int epoch;
    private String progress;
    @Column(name = "best_fitness")
    private Double bestFitness;
    @Column(name = "latest_metrics")
    private String latestMetrics;
    @Column(name = "failure_reason")
    private String failureReason;
    @Column(name = "worker_id")
    private String workerId;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected TrainingJob() {}

    public TrainingJob(String tenant, UUID datasetId, String model, String modelYaml, int epochs, int batchSize, int imgSize,
            String hyp, String options, String weights, int maxAttempts) {
        this.id = UUID.randomUUID();
        this.tenant = tenant;
        this.datasetId = datasetId;
        this.status = JobStatus.QUEUED;
        this.model = model;
        this.modelYaml = modelYaml;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.imgSize = imgSize;
        this.hyp = hyp;
        this.options = options;
        this.weights = weights;
        this.attempt = 1;
        this.maxAttempts = maxAttempts;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public UUID getId() { return id; }
    public String getTenant() { return tenant; }
    public UUID getDatasetId() { return datasetId; }
    public JobStatus getStatus() { return status; }
    public String getModel() { return model; }
    public String getModelYaml() { return modelYaml; }
    public int getEpochs() { return epochs; }
    public int getBatchSize() { return batchSize; }
    public int getImgSize() { return imgSize; }
    public String getHyp() { return hyp; }
    public String getOptions() { return options; }
    public String getWeights() { return weights; }
    public int getAttempt() { return attempt; }
    public int getMaxAttempts() { return maxAttempts; }
    public int getEpoch() { return epoch; }
    public String getProgress() { return progress; }
    public Double getBestFitness() { return bestFitness; }
    public String getLatestMetrics() { return latestMetrics; }
    public String getFailureReason() { return failureReason; }
    public String getWorkerId() { return workerId; }
    public Instant getLeaseUntil() { return leaseUntil; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
