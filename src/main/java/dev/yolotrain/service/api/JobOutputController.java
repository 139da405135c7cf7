package dev.yolotrain.service.api;

import dev.yolotrain.engine.train.EpochResult;
import dev.yolotrain.engine.train.ResultsCsv;
import dev.yolotrain.service.config.Roles;
import dev.yolotrain.service.events.JobEvent;
import dev.yolotrain.service.events.SseHub;
import dev.yolotrain.service.job.EpochMetrics;
import dev.yolotrain.service.job.EpochRow;
import dev.yolotrain.service.job.JobService;
import dev.yolotrain.service.job.TrainingJob;
import dev.yolotrain.service.security.Caller;
import dev.yolotrain.service.security.StreamTickets;
import dev.yolotrain.service.storage.Storage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

@RestController
@Roles("api")
@RequestMapping("/api/v1/jobs/{id}")
@Tag(name = "job output", description = "Metrics per epoch, live events (SSE), the training log and artifacts")
public class JobOutputController {
    /** Downloadable artifacts: name → path under the job folder. */
    static final Map<String, String> ARTIFACTS = Map.of(
            "best", "run/weights/best.safetensors", "last", "run/weights/last.safetensors", "results.csv", "run/results.csv",
            "hyp.yaml", "run/hyp.yaml", "opt.yaml", "run/opt.yaml", "train.log", "train.log");
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {};
    private final JobService jobs;
    private final EpochMetrics metrics;
    private final SseHub hub;
    private final Storage storage;
    private final ObjectMapper json;
    private final StreamTickets tickets;

    public JobOutputController(JobService jobs, EpochMetrics metrics, SseHub hub, Storage storage, ObjectMapper json,
            StreamTickets tickets) {
        this.jobs = jobs;
        this.metrics = metrics;
        this.hub = hub;
        this.storage = storage;
        this.json = json;
        this.tickets = tickets;
    }

    @GetMapping("/metrics")
    @Operation(summary = "Metrics of every finished epoch (JSON), or YOLOv5's results.csv with ?format=csv")
    public ResponseEntity<?> metrics(Caller caller, @PathVariable UUID id, @RequestParam(defaultValue = "json") String format) {
        jobs.get(caller.tenant(), id);
        List<EpochRow> rows = metrics.list(id);
        if (format.equals("csv")) {
            StringBuilder sb = new StringBuilder(ResultsCsv.header());
            rows.forEach(r -> sb.append(ResultsCsv.line(EpochResult.fromMap(json.readValue(r.json(), ROW)))));
            return ResponseEntity.ok().contentType(new MediaType("text", "csv")).body(sb.toString());
        }
        if (!format.equals("json")) {
            throw ApiException.badRequest("invalid-field", "format must be json or csv").with("field", "format");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (EpochRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", r.epoch());
            m.put("precision", r.precision());
            m.put("recall", r.recall());
            m.put("mAP50", r.map50());
            m.put("mAP50_95", r.map());
            m.put("fitness", r.fitness());
            m.put("epochSeconds", r.seconds());
            m.put("imagesPerSecond", r.imagesPerSecond());
            m.put("columns", json.readTree(r.json()));
            out.add(m);
        }
        return ResponseEntity.ok(Map.of("jobId", id, "epochs", out));
    }

    @PostMapping("/events/ticket")
    @Operation(summary = "A ticket for the event stream, for browsers: new EventSource(url) with the returned url",
            description = "EventSource cannot send an Authorization header. The ticket opens this job's events only, "
                    + "for 5 minutes (a connection opened in time stays open).")
    public Map<String, Object> ticket(Caller caller, @PathVariable UUID id) {
        jobs.get(caller.tenant(), id);
        StreamTickets.Ticket t = tickets.issue(caller, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ticket", t.ticket());
        out.put("expiresAt", t.expiresAt().toString());
        out.put("url", "/api/v1/jobs/" + id + "/events?ticket=" + t.ticket());
        return out;
    }

    @GetMapping(value = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live events (SSE): 'status', 'epoch' (every results.csv column) and 'progress'",
            description = "The stream starts with the job's history (each recorded epoch, then its status) and ends after a terminal status. "
                    + "Authorization: the API key, or ?ticket= from POST .../events/ticket (for EventSource).")
    public SseEmitter events(Caller caller, @PathVariable UUID id) {
        jobs.get(caller.tenant(), id);
        SseEmitter emitter = new SseEmitter(3_600_000L);
        hub.open(id, emitter, () -> history(caller, id));
        return emitter;
    }

    private List<JobEvent> history(Caller caller, UUID id) {
        TrainingJob j = jobs.get(caller.tenant(), id);
        List<JobEvent> h = new ArrayList<>();
        for (EpochRow r : metrics.list(id)) {
            h.add(new JobEvent(id, "epoch", json.readTree(r.json())));
        }
        if (j.getProgress() != null && !j.getStatus().terminal()) {
            h.add(new JobEvent(id, "progress", json.readTree(j.getProgress())));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", j.getStatus().name());
        s.put("detail", j.getFailureReason());
        s.put("attempt", j.getAttempt());
        s.put("epoch", j.getEpoch());
        s.put("epochs", j.getEpochs());
        h.add(new JobEvent(id, "status", json.valueToTree(s)));
        return h;
    }

    @GetMapping(value = "/logs", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The training log of every attempt (what the child process printed); ?tail=N for the last N lines")
    public String logs(Caller caller, @PathVariable UUID id, @RequestParam(required = false) Integer tail) throws IOException {
        jobs.get(caller.tenant(), id);
        Path f = storage.jobDir(id).resolve("train.log");
        if (!Files.exists(f)) {
            return "";
        }
        List<String> lines = Files.readAllLines(f);
        if (tail != null && tail >= 0 && tail < lines.size()) {
            lines = lines.subList(lines.size() - tail, lines.size());
        }
        return String.join("\n", lines) + "\n";
    }

    @GetMapping("/artifacts")
    @Operation(summary = "The job's files: best, last (checkpoints), results.csv, hyp.yaml, opt.yaml, train.log")
    public List<Map<String, Object>> artifacts(Caller caller, @PathVariable UUID id) throws IOException {
        jobs.get(caller.tenant(), id);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : List.of("best", "last", "results.csv", "hyp.yaml", "opt.yaml", "train.log")) {
            Path f = storage.jobDir(id).resolve(ARTIFACTS.get(name));
            if (Files.isRegularFile(f)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", name);
                m.put("file", f.getFileName().toString());
                m.put("sizeBytes", Files.size(f));
                m.put("url", "/api/v1/jobs/" + id + "/artifacts/" + name);
                out.add(m);
            }
        }
        return out;
    }

    @GetMapping("/artifacts/{name}")
    @Operation(summary = "Download an artifact: best, last, results.csv, hyp.yaml, opt.yaml or train.log")
    public ResponseEntity<FileSystemResource> artifact(Caller caller, @PathVariable UUID id, @PathVariable String name) {
        jobs.get(caller.tenant(), id);
        String key = name.endsWith(".safetensors") ? name.substring(0, name.length() - ".safetensors".length()) : name;
        String rel = ARTIFACTS.get(key);
        if (rel == null) {
            throw ApiException.notFound("artifact", name).with("known", List.of("best", "last", "results.csv", "hyp.yaml", "opt.yaml", "train.log"));
        }
        Path f = storage.jobDir(id).resolve(rel);
        if (!Files.isRegularFile(f)) {
            throw ApiException.notFound("artifact", name + " of job " + id + " (not written yet)");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(key.equals("best") || key.equals("last")
                        ? key + ".safetensors" : f.getFileName().toString()).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(new FileSystemResource(f));
    }
}
