package dev.yolotrain.service.worker;

import dev.yolotrain.service.job.JobQueue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A child process this supervisor runs, and why it may have been stopped. */
final class RunningJob {
    final JobQueue.Claim claim;
    final Process process;
    final JobLog log;
    volatile boolean cancelRequested;
    volatile boolean leaseLost;
    volatile boolean shuttingDown;
    volatile String engineStatus;
    volatile String engineDetail;
    private final Deque<String> stderrTail = new ArrayDeque<>();

    RunningJob(JobQueue.Claim claim, Process process, JobLog log) {
        this.claim = claim;
        this.process = process;
        this.log = log;
    }

    /** Cancel: SIGTERM (the engine saves last and exits), then SIGKILL after the grace period. */
    synchronized void cancel(ScheduledExecutorService timer, long graceMillis) {
        if (cancelRequested) {
            return;
        }
        cancelRequested = true;
        log.line("cancel: SIGTERM to the training process; killed after " + graceMillis / 1000 + " s if still running");
        terminate(timer, graceMillis);
    }

    void terminate(ScheduledExecutorService timer, long graceMillis) {
        process.destroy();
        timer.schedule(() -> {
            if (process.isAlive()) {
                log.line("grace period over: SIGKILL");
                process.destroyForcibly();
            }
        }, graceMillis, TimeUnit.MILLISECONDS);
    }

    synchronized void stderr(String line) {
        stderrTail.addLast(line);
        if (stderrTail.size() > 20) {
            stderrTail.removeFirst();
        }
    }

    /** The child's last three stderr lines that are not stack frames, joined: usually the error and its cause. */
    synchronized String lastError() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (String l : stderrTail) {
            String t = l.strip();
            if (!t.isEmpty() && !t.startsWith("at ") && !t.matches("\\.\\.\\. \\d+ more")) {
                lines.add(t);
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        String s = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        return s.length() > 1000 ? s.substring(0, 1000) + "…" : s;
    }
}
