package dev.yolotrain.service.worker;

import dev.yolotrain.service.config.YolotrainProperties;
import dev.yolotrain.service.dataset.Dataset;
import dev.yolotrain.service.dataset.DatasetRepository;
import dev.yolotrain.service.events.EventBus;
import dev.yolotrain.service.job.JobQueue;
import dev.yolotrain.service.job.JobRepository;
import dev.yolotrain.service.job.JobStatus;
import dev.yolotrain.service.job.TrainingJob;
import dev.yolotrain.service.storage.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Runs one claimed job: writes its inputs, starts the child JVM, feeds its events in, and records how it ended. */
@Component
public class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private final JobRepository jobs;
    private final DatasetRepository datasets;
    private final JobQueue queue;
    private final EventBus events;
    private final EventIngestor ingestor;
    private final Storage storage;
    private final JobWorkspace workspace;
    private final YolotrainProperties props;
    private final String workerId;
    final Map<java.util.UUID, RunningJob> running = new ConcurrentHashMap<>();

    public JobRunner(JobRepository jobs, DatasetRepository datasets, JobQueue queue, EventBus events, EventIngestor ingestor,
            Storage storage, ObjectMapper json, YolotrainProperties props, WorkerIdentity id) {
        this.jobs = jobs;
        this.datasets = datasets;
        this.queue = queue;
        this.events = events;
        this.ingestor = ingestor;
        this.storage = storage;
        this.workspace = new JobWorkspace(storage, json);
        this.props = props;
        this.workerId = id.id();
    }

    void run(JobQueue.Claim claim, Slots.Slot slot) {
        var id = claim.id();
        TrainingJob job = jobs.findById(id).orElse(null);
        Dataset d = job == null ? null : datasets.findById(job.getDatasetId()).orElse(null);
        if (job == null || d == null) {
            finish(id, JobStatus.FAILED, "the job's dataset no longer exists");
            return;
        }
        if (job.getEpoch() >= job.getEpochs() && Files.isRegularFile(storage.runDir(id).resolve("weights/best.safetensors"))) {
            finish(id, JobStatus.SUCCEEDED, null);
            return;
        }
        List<String> cmd = new ArrayList<>(ChildCommand.java(props.worker().java(), props.worker().childJvmOptions(),
                props.worker().parentDeathSignal()));
        Process p;
        JobLog log;
        try {
            log = new JobLog(storage.jobDir(id).resolve("train.log"));
            // a GPU slot shows the child only its GPU (CUDA_VISIBLE_DEVICES) and lets the engine pick it ("" = GPU 0 if
            // LibTorch has CUDA); a CPU-only build then still trains, on the CPU
            cmd.addAll(workspace.trainArgs(job, d, slot.gpu() == null ? "cpu" : "", props.jobs().defaultLoaderWorkers()));
            log.line("=== attempt " + claim.attempt() + " on worker " + workerId + " slot " + slot.name() + " ===");
            String shown = String.join(" ", cmd);
            log.line("$ " + (cmd.contains("-cp") ? shown.replace(System.getProperty("java.class.path"), "<class path>") : shown));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(storage.jobDir(id).toFile());
            pb.environment().put("OPT_OUT_TRACKING", "true");
            pb.environment().put("DJL_OFFLINE", "true");
            // LibTorch's OpenMP threads otherwise spin while waiting: on a shared or busy CPU that tripled
            // the CPU time per epoch in our measurements. Passive waiting costs nothing when the CPU is free.
            pb.environment().putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
            // Fewer glibc malloc arenas: yolov5n at 320, batch 16 peaked at 2.39 GB RSS instead of 2.59 GB.
            pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            if (slot.gpu() != null) {
                pb.environment().put("CUDA_VISIBLE_DEVICES", slot.gpu());
            }
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            LOG.error("job {}: cannot start the training process", id, e);
            queue.retryOrFail(id, workerId, "cannot start the training process: " + e.getMessage());
            return;
        }
        RunningJob r = new RunningJob(claim, p, log);
        running.put(id, r);
        events.status(id, JobStatus.RUNNING, "attempt " + claim.attempt() + " started on " + workerId);
        LOG.info("job {}: attempt {} started (pid {}) on slot {}", id, claim.attempt(), p.pid(), slot.name());
        EventIngestor.Cursor cursor = new EventIngestor.Cursor();
        Thread out = pump(p.getInputStream(), "out-" + id, line -> ingestor.line(r, cursor, line));
        Thread err = pump(p.getErrorStream(), "err-" + id, line -> {
            r.stderr(line);
            log.line(line);
        });
        int code;
        try {
            code = p.waitFor();
            out.join();
            err.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            code = -1;
        } finally {
            running.remove(id);
        }
        log.line("training process exited with code " + code);
        log.close();
        outcome(r, code);
    }

    private void outcome(RunningJob r, int code) {
        var id = r.claim.id();
        if (r.leaseLost) {
            LOG.warn("job {}: lease lost; the process was stopped and the job left to whoever holds it now", id);
            return;
        }
        if (r.shuttingDown) {
            queue.requeue(id, workerId);
            events.status(id, JobStatus.QUEUED, "worker shutting down; requeued");
            return;
        }
        JobStatus now = queue.status(id).orElse(null);
        if (r.cancelRequested || now == JobStatus.CANCELLING) {
            finish(id, JobStatus.CANCELLED, null);
        } else if (code == 0 && "finished".equals(r.engineStatus)) {
            finish(id, JobStatus.SUCCEEDED, null);
        } else if ("failed".equals(r.engineStatus)) {
            finish(id, JobStatus.FAILED, "training failed: " + r.engineDetail);
        } else {
            String why = code == 0 ? "training process stopped before finishing (status " + r.engineStatus + ")"
                    : "training process died with exit code " + code + (code > 128 ? " (signal " + (code - 128) + ")" : "");
            String last = r.lastError();
            var s = queue.retryOrFail(id, workerId, storage.hidePaths(why + (last == null ? "" : ": " + last)));
            s.ifPresent(st -> events.status(id, st, why));
            if (s.orElse(null) == JobStatus.QUEUED) {
                queue.notifyQueued();
            }
        }
    }

    private void finish(java.util.UUID id, JobStatus status, String reason) {
        if (queue.finish(id, workerId, status, reason)) {
            events.status(id, status, reason);
            LOG.info("job {}: {}{}", id, status, reason == null ? "" : " - " + reason);
        }
    }

    private static Thread pump(InputStream in, String name, Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    try {
                        sink.accept(line);
                    } catch (RuntimeException e) {
                        LOG.warn("{}: cannot handle a line: {}", name, e.toString());
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
