package dev.yolotrain.service.job;

import dev.yolotrain.service.api.ApiException;
import dev.yolotrain.service.config.YolotrainProperties;
import dev.yolotrain.service.dataset.Dataset;
import dev.yolotrain.service.dataset.DatasetService;
import dev.yolotrain.service.events.EventBus;
import dev.yolotrain.service.storage.Storage;
import dev.yolotrain.service.weights.WeightService;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/** Submits, reads, cancels and retries jobs, always within the caller's tenant (another tenant's job is a 404). */
@Service
public class JobService {
    private static final Pattern JOB_WEIGHTS = Pattern.compile("jobs/([0-9a-fA-F-]{36})/(best|last)");
    private static final Pattern FILE_WEIGHTS = Pattern.compile("weights/([0-9a-fA-F-]{36})");
    private final JobRepository repo;
    private final JobQueue queue;
    private final DatasetService datasets;
    private final WeightService weights;
    private final Storage storage;
    private final EventBus events;
    private final YolotrainProperties.Jobs limits;
    private final ObjectMapper json;

    public JobService(JobRepository repo, JobQueue queue, DatasetService datasets, WeightService weights, Storage storage,
            EventBus events, YolotrainProperties props, ObjectMapper json) {
        this.repo = repo;
        this.queue = queue;
        this.datasets = datasets;
        this.weights = weights;
        this.storage = storage;
        this.events = events;
        this.limits = props.jobs();
        this.json = json;
    }

    /** Validates and queues a job; {@code hypYaml}, when given (multipart), wins over {@code request.hyp()}. */
    public TrainingJob submit(String tenant, JobRequest r, String hypYaml) {
        if (r == null || r.datasetId() == null) {
            throw ApiException.badRequest("invalid-field", "datasetId is required").with("field", "datasetId");
        }
        Dataset d = datasets.get(tenant, r.datasetId());
        int epochs = JobValidation.range(r.epochs(), 100, 1, limits.maxEpochs(), "epochs");
        int batch = JobValidation.range(r.batchSize(), 16, 1, 1024, "batchSize");
        int img = JobValidation.imgSize(r.imgSize());
        Map<String, Double> hyp = hypYaml != null ? JobValidation.hypYaml(hypYaml) : JobValidation.hyp(r.hyp());
        String yml = JobValidation.model(r.model(), Boolean.TRUE.equals(r.singleCls()) ? 1 : d.getNc());
        JobValidation.options(r);
        String w = weights(tenant, r.weights());
        String model = yml != null ? "custom" : (r.model() == null || r.model().isBlank() ? "yolov5n" : r.model().strip());
        TrainingJob job = repo.save(new TrainingJob(tenant, d.getId(), model, yml, epochs, batch, img,
                json.writeValueAsString(hyp), json.writeValueAsString(r.options()), w, limits.maxAttempts()));
        events.status(job.getId(), JobStatus.QUEUED, "submitted");
        queue.notifyQueued();
        return job;
    }

    private String weights(String tenant, String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String g = given.strip();
        Matcher m = JOB_WEIGHTS.matcher(g);
        if (m.matches()) {
            UUID id = UUID.fromString(m.group(1));
            get(tenant, id);
            if (!Files.isRegularFile(storage.runDir(id).resolve("weights").resolve(m.group(2) + ".safetensors"))) {
                throw ApiException.badRequest("invalid-weights", "job " + id + " has no " + m.group(2) + " checkpoint (yet)")
                        .with("field", "weights");
            }
            return "jobs/" + id + "/" + m.group(2);
        }
        m = FILE_WEIGHTS.matcher(g);
        if (m.matches()) {
            return "weights/" + weights.get(tenant, UUID.fromString(m.group(1))).getId();
        }
        throw ApiException.badRequest("invalid-weights", "weights must be jobs/<id>/best, jobs/<id>/last or weights/<id>, got '"
                + g + "'").with("field", "weights");
    }

    public TrainingJob get(String tenant, UUID id) {
        return repo.findByIdAndTenant(id, tenant).orElseThrow(() -> ApiException.notFound("job", id));
    }

    public List<TrainingJob> list(String tenant, JobStatus status) {
        return status == null ? repo.findByTenantOrderByCreatedAtDesc(tenant)
                : repo.findByTenantAndStatusOrderByCreatedAtDesc(tenant, status);
    }

    public TrainingJob cancel(String tenant, UUID id) {
        TrainingJob j = get(tenant, id);
        var s = queue.cancel(id, tenant);
        if (s.isEmpty() && j.getStatus() != JobStatus.CANCELLING) {
            throw new ApiException(HttpStatus.CONFLICT, "job-finished", "job " + id + " is " + queue.status(id).orElse(null)
                    + "; only QUEUED or RUNNING jobs can be cancelled");
        }
        s.ifPresent(st -> events.status(id, st, "cancel requested"));
        return get(tenant, id);
    }

    public TrainingJob retry(String tenant, UUID id) {
        get(tenant, id);
        if (!queue.retry(id, tenant)) {
            throw new ApiException(HttpStatus.CONFLICT, "job-not-retryable", "job " + id + " is " + queue.status(id).orElse(null)
                    + "; only FAILED or CANCELLED jobs can be retried");
        }
        events.status(id, JobStatus.QUEUED, "retry requested");
        queue.notifyQueued();
        return get(tenant, id);
    }
}
