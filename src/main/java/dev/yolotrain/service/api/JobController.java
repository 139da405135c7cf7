package dev.yolotrain.service.api;

import dev.yolotrain.service.config.Roles;
import dev.yolotrain.service.job.JobRequest;
import dev.yolotrain.service.job.JobService;
import dev.yolotrain.service.job.JobStatus;
import dev.yolotrain.service.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.ObjectMapper;

@RestController
@Roles("api")
@RequestMapping("/api/v1/jobs")
@Tag(name = "jobs", description = "Training jobs: submit, watch, cancel, retry")
public class JobController {
    private final JobService jobs;
    private final ObjectMapper json;

    public JobController(JobService jobs, ObjectMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a training job (JSON)",
            description = "hyp is checked strictly: unknown keys, wrong types, NaN/inf and out-of-range values are a 400 naming the key.")
    public ResponseEntity<JobView> submit(Caller caller, @RequestBody JobRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(JobView.of(jobs.submit(caller.tenant(), request, null), json));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Submit a training job (multipart: part 'job' = the JSON request, part 'hyp' = a hyp.yaml file)")
    public ResponseEntity<JobView> submitMultipart(Caller caller, @RequestPart("job") String job,
            @RequestPart(value = "hyp", required = false) MultipartFile hyp) throws IOException {
        JobRequest r = json.readValue(job, JobRequest.class);
        String hypText = hyp == null || hyp.isEmpty() ? null : new String(hyp.getBytes(), StandardCharsets.UTF_8);
        return ResponseEntity.status(HttpStatus.CREATED).body(JobView.of(jobs.submit(caller.tenant(), r, hypText), json));
    }

    @GetMapping
    @Operation(summary = "List the caller's jobs, newest first (optionally ?status=RUNNING)")
    public List<JobView> list(Caller caller, @RequestParam(required = false) JobStatus status) {
        return jobs.list(caller.tenant(), status).stream().map(j -> JobView.of(j, json)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One job: status, attempt, epoch i/n, best fitness, latest metrics, failure reason, timestamps")
    public JobView get(Caller caller, @PathVariable UUID id) {
        return JobView.of(jobs.get(caller.tenant(), id), json);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel: a queued job ends at once; a running one gets SIGTERM (saves last), SIGKILL after the grace period")
    public ResponseEntity<JobView> cancel(Caller caller, @PathVariable UUID id) {
        return ResponseEntity.accepted().body(JobView.of(jobs.cancel(caller.tenant(), id), json));
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Retry a FAILED or CANCELLED job: queued again, resuming from its last checkpoint when it has one")
    public ResponseEntity<JobView> retry(Caller caller, @PathVariable UUID id) {
        return ResponseEntity.accepted().body(JobView.of(jobs.retry(caller.tenant(), id), json));
    }
}
