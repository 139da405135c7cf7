package dev.yolotrain.service.worker;

import dev.yolotrain.service.events.EventBus;
import dev.yolotrain.service.job.EpochRow;
import dev.yolotrain.service.job.JobQueue;
import dev.yolotrain.service.job.JobStatus;
import dev.yolotrain.service.storage.Storage;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the child's JSON lines: epoch_end → an epoch_metric upsert and the job row; progress → the job
 * row (at most once a second) and SSE; status and log → the job's log and SSE. Every event goes to the log.
 */
@Component
public class EventIngestor {
    private static final long PROGRESS_EVERY_MS = 1000;
    private final JobQueue queue;
    private final EventBus events;
    private final ObjectMapper json;
    private final String workerId;
    private final DistributionSummary epochSeconds;
    private final DistributionSummary imagesPerSecond;

    private final Storage storage;

    public EventIngestor(JobQueue queue, EventBus events, ObjectMapper json, WorkerIdentity id, MeterRegistry meters,
            Storage storage) {
        this.storage = storage;
        this.queue = queue;
        this.events = events;
        this.json = json;
        this.workerId = id.id();
        this.epochSeconds = DistributionSummary.builder("yolotrain.epoch.seconds").baseUnit("seconds")
                .description("wall time of a training epoch, validation included").register(meters);
        this.imagesPerSecond = DistributionSummary.builder("yolotrain.images.per.second")
                .description("training images per second over an epoch").register(meters);
    }

    private static EpochRow row(JsonNode n, String json) {
        return new EpochRow(n.get("epoch").asInt(), d(n, "metrics/precision"), d(n, "metrics/recall"),
                d(n, "metrics/mAP_0.5"), d(n, "metrics/mAP_0.5:0.95"), d(n, "fitness"), d(n, "epoch_seconds"),
                d(n, "images_per_second"), json);
    }

    /** Per-child state: when progress was last written. */
    static final class Cursor {
        long lastProgress;
    }

    void line(RunningJob job, Cursor cursor, String line) {
        JsonNode n;
        try {
            n = json.readTree(line);
        } catch (JacksonException e) {
            job.log.line(line);
            return;
        }
        if (n == null || !n.isObject() || !n.has("type")) {
            job.log.line(line);
            return;
        }
        var id = job.claim.id();
        switch (n.get("type").asString()) {
            case "epoch_recovered" -> {
                // a resumed run reports the epochs its checkpoint covers: record any its dead predecessor missed
                tools.jackson.databind.node.ObjectNode o = (tools.jackson.databind.node.ObjectNode) n;
                o.put("type", "epoch_end");
                o.put("recovered", true);
                EpochRow row = row(o, json.writeValueAsString(o));
                if (queue.epochRecovered(id, workerId, job.claim.attempt(), row)) {
                    job.log.line(String.format(Locale.ROOT, "epoch %d: recovered from the run's epoch log (its worker died before recording it)",
                            row.epoch()));
                    events.publish(id, "epoch", o);
                }
            }
            case "epoch_end" -> {
                EpochRow row = row(n, line);
                job.log.line(String.format(Locale.ROOT, "epoch %d: P %.4f R %.4f mAP50 %.4f mAP50-95 %.4f (%.1f s, %.1f img/s)",
                        row.epoch(), row.precision(), row.recall(), row.map50(), row.map(), row.seconds(), row.imagesPerSecond()));
                if (queue.epochEnd(id, workerId, job.claim.attempt(), row)) {
                    events.publish(id, "epoch", n);
                    if (row.seconds() != null) {
                        epochSeconds.record(row.seconds());
                    }
                    if (row.imagesPerSecond() != null) {
                        imagesPerSecond.record(row.imagesPerSecond());
                    }
                }
            }
            case "progress" -> {
                long now = System.currentTimeMillis();
                if (now - cursor.lastProgress >= PROGRESS_EVERY_MS) {
                    cursor.lastProgress = now;
                    queue.progress(id, workerId, line);
                    events.publish(id, "progress", n);
                }
            }
            case "status" -> {
                String s = n.path("status").asString("");
                String detail = storage.hidePaths(n.path("detail").isNull() ? null : n.path("detail").asString(null));
                job.engineStatus = s;
                job.engineDetail = detail;
                job.log.line("status: " + s + (detail == null ? "" : " - " + detail));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("status", job.cancelRequested ? JobStatus.CANCELLING.name() : JobStatus.RUNNING.name());
                m.put("phase", s);
                m.put("detail", detail);
                events.publish(id, "status", m);
            }
            case "log" -> job.log.line(n.path("message").asString(""));
            default -> job.log.line(line);
        }
    }

    private static Double d(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }
}
