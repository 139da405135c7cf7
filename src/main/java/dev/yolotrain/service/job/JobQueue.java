package dev.yolotrain.service.job;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The queue and every state change of a job after submission, each one SQL statement in autocommit
 * (committed at once). Writes from a worker are fenced by {@code worker_id} and the state, so a worker
 * that lost its lease can no longer change the job.
 */
@Component
public class JobQueue {
    /** The job a worker has claimed. */
    public record Claim(UUID id, String tenant, int attempt) {}

    private final JdbcTemplate jdbc;

    public JobQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the oldest queued job, if any; the row lock is skipped by others and released at once. */
    public Optional<Claim> claim(String workerId, Duration lease) {
        List<Claim> c = jdbc.query("""
                WITH c AS (
                  UPDATE training_job SET status = 'RUNNING', worker_id = ?, lease_until = now() + make_interval(secs => ?),
                         started_at = coalesce(started_at, now()), updated_at = now()
                   WHERE id = (SELECT id FROM training_job WHERE status = 'QUEUED' ORDER BY created_at, id
                               LIMIT 1 FOR UPDATE SKIP LOCKED)
                  RETURNING id, tenant, attempt, worker_id)
                INSERT INTO job_run (job_id, attempt, worker_id) SELECT id, attempt, worker_id FROM c
                RETURNING job_id, (SELECT tenant FROM c), attempt
                """, (rs, i) -> new Claim(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)),
                workerId, (double) lease.toMillis() / 1000);
        return c.stream().findFirst();
    }

    /** Renews the lease; empty when the job is no longer this worker's (reaped, or gone). */
    public Optional<JobStatus> heartbeat(UUID id, String workerId, Duration lease) {
        return jdbc.query("""
                UPDATE training_job SET lease_until = now() + make_interval(secs => ?)
                 WHERE id = ? AND worker_id = ? AND status IN ('RUNNING', 'CANCELLING') RETURNING status
                """, (rs, i) -> JobStatus.valueOf(rs.getString(1)), (double) lease.toMillis() / 1000, id, workerId)
                .stream().findFirst();
    }

    /** The child ended: SUCCEEDED, FAILED or CANCELLED. */
    public boolean finish(UUID id, String workerId, JobStatus status, String reason) {
        int n = jdbc.update("""
                UPDATE training_job SET status = ?, failure_reason = ?, finished_at = now(), lease_until = NULL, updated_at = now(),
                       progress = NULL
                 WHERE id = ? AND worker_id = ? AND status IN ('RUNNING', 'CANCELLING')
                """, status.name(), reason, id, workerId);
        endRun(id, workerId, status.name() + (reason == null ? "" : ": " + reason));
        return n == 1;
    }

    /** The child died: queue the next attempt (it resumes from last), or fail the job when none is left. */
    public Optional<JobStatus> retryOrFail(UUID id, String workerId, String reason) {
        Optional<JobStatus> s = jdbc.query("""
                UPDATE training_job SET
                       status = CASE WHEN attempt < max_attempts THEN 'QUEUED' ELSE 'FAILED' END,
                       failure_reason = CASE WHEN attempt < max_attempts THEN ? || ' (attempt ' || attempt || ' of ' || max_attempts
                                        || '; retrying)' ELSE ? || ' (attempt ' || attempt || ' of ' || max_attempts || ')' END,
                       finished_at = CASE WHEN attempt < max_attempts THEN NULL ELSE now() END,
                       attempt = CASE WHEN attempt < max_attempts THEN attempt + 1 ELSE attempt END,
                       worker_id = NULL, lease_until = NULL, progress = NULL, updated_at = now()
                 WHERE id = ? AND worker_id = ? AND status = 'RUNNING' RETURNING status
                """, (rs, i) -> JobStatus.valueOf(rs.getString(1)), reason, reason, id, workerId).stream().findFirst();
        endRun(id, workerId, "died: " + reason);
        return s;
    }

    /** This supervisor is shutting down: give the job back without charging an attempt. */
    public boolean requeue(UUID id, String workerId) {
        int n = jdbc.update("""
                UPDATE training_job SET status = 'QUEUED', worker_id = NULL, lease_until = NULL, progress = NULL, updated_at = now()
                 WHERE id = ? AND worker_id = ? AND status = 'RUNNING'
                """, id, workerId);
        endRun(id, workerId, "requeued: worker shutting down");
        return n == 1;
    }

    /** Expired leases: RUNNING goes back to the queue (attempt + 1) or fails after max attempts; CANCELLING ends CANCELLED. */
    public List<UUID> reap() {
        return jdbc.query("""
                UPDATE training_job SET
                       status = CASE WHEN status = 'CANCELLING' THEN 'CANCELLED' WHEN attempt < max_attempts THEN 'QUEUED' ELSE 'FAILED' END,
                       failure_reason = CASE WHEN status = 'CANCELLING' THEN failure_reason
                           ELSE 'worker ' || coalesce(worker_id, '?') || ' stopped renewing its lease (attempt ' || attempt || ' of '
                                || max_attempts || CASE WHEN attempt < max_attempts THEN '; retrying)' ELSE ')' END END,
                       finished_at = CASE WHEN status = 'CANCELLING' OR attempt >= max_attempts THEN now() END,
                       attempt = CASE WHEN status = 'RUNNING' AND attempt < max_attempts THEN attempt + 1 ELSE attempt END,
                       worker_id = NULL, lease_until = NULL, progress = NULL, updated_at = now()
                 WHERE status IN ('RUNNING', 'CANCELLING') AND lease_until < now()
                RETURNING id
                """, (rs, i) -> rs.getObject(1, UUID.class));
    }

    /** Cancel: a queued job ends at once; a running one becomes CANCELLING until its worker stops the child. */
    public Optional<JobStatus> cancel(UUID id, String tenant) {
        return jdbc.query("""
                UPDATE training_job SET status = CASE WHEN status = 'QUEUED' THEN 'CANCELLED' ELSE 'CANCELLING' END,
                       finished_at = CASE WHEN status = 'QUEUED' THEN now() END, updated_at = now()
                 WHERE id = ? AND tenant = ? AND status IN ('QUEUED', 'RUNNING') RETURNING status
                """, (rs, i) -> JobStatus.valueOf(rs.getString(1)), id, tenant).stream().findFirst();
    }

    /** Retry a FAILED or CANCELLED job: queued again with one more attempt; it resumes from its last checkpoint. */
    public boolean retry(UUID id, String tenant) {
        return jdbc.update("""
                UPDATE training_job SET status = 'QUEUED', attempt = attempt + 1, max_attempts = greatest(max_attempts, attempt + 1),
                       failure_reason = NULL, finished_at = NULL, updated_at = now()
                 WHERE id = ? AND tenant = ? AND status IN ('FAILED', 'CANCELLED')
                """, id, tenant) == 1;
    }

    public void progress(UUID id, String workerId, String progressJson) {
        jdbc.update("UPDATE training_job SET progress = ?, updated_at = now() WHERE id = ? AND worker_id = ? AND status IN ('RUNNING', 'CANCELLING')",
                progressJson, id, workerId);
    }

    /** An epoch ended: one epoch_metric row per (job, epoch), upserted; the job row gets i/n, best fitness and the metrics. */
    public boolean epochEnd(UUID id, String workerId, int attempt, EpochRow row) {
        return recordEpoch(id, workerId, attempt, row, """
                ON CONFLICT (job_id, epoch) DO UPDATE SET precision = EXCLUDED.precision, recall = EXCLUDED.recall,
                       map50 = EXCLUDED.map50, map50_95 = EXCLUDED.map50_95, fitness = EXCLUDED.fitness,
                       epoch_seconds = EXCLUDED.epoch_seconds, images_per_second = EXCLUDED.images_per_second,
                       row = EXCLUDED.row, attempt = EXCLUDED.attempt, updated_at = now()
                """, false);
    }

    /**
     * An epoch a resumed run reports again from its epoch log: recorded only when its row is missing (the worker
     * that ran it died before recording it). True when it was missing.
     */
    public boolean epochRecovered(UUID id, String workerId, int attempt, EpochRow row) {
        return recordEpoch(id, workerId, attempt, row, "ON CONFLICT (job_id, epoch) DO NOTHING", true);
    }

    /** @param behind the epoch may be older than the job's latest: the job row's epoch and metrics only move forward */
    private boolean recordEpoch(UUID id, String workerId, int attempt, EpochRow row, String onConflict, boolean behind) {
        int n = jdbc.update("""
                INSERT INTO epoch_metric (job_id, epoch, precision, recall, map50, map50_95, fitness, epoch_seconds,
                                          images_per_second, row, attempt)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (
                       SELECT 1 FROM training_job WHERE id = ? AND worker_id = ? AND status IN ('RUNNING', 'CANCELLING'))
                """ + onConflict, id, row.epoch(), row.precision(), row.recall(), row.map50(), row.map(), row.fitness(), row.seconds(),
                row.imagesPerSecond(), row.json(), attempt, id, workerId);
        if (n == 0) {
            return false;
        }
        if (behind) {
            jdbc.update("""
                    UPDATE training_job SET epoch = greatest(epoch, ?), updated_at = now(),
                           latest_metrics = CASE WHEN ? >= epoch THEN ? ELSE latest_metrics END,
                           best_fitness = (SELECT max(fitness) FROM epoch_metric WHERE job_id = ?)
                     WHERE id = ? AND worker_id = ?
                    """, row.epoch() + 1, row.epoch() + 1, row.json(), id, id, workerId);
        } else {
            jdbc.update("""
                    UPDATE training_job SET epoch = ?, latest_metrics = ?, updated_at = now(),
                           best_fitness = (SELECT max(fitness) FROM epoch_metric WHERE job_id = ?)
                     WHERE id = ? AND worker_id = ?
                    """, row.epoch() + 1, row.json(), id, id, workerId);
        }
        return true;
    }

    public Optional<JobStatus> status(UUID id) {
        return jdbc.query("SELECT status FROM training_job WHERE id = ?", (rs, i) -> JobStatus.valueOf(rs.getString(1)), id)
                .stream().findFirst();
    }

    /** Wakes idle workers (they also poll). */
    public void notifyQueued() {
        jdbc.queryForList("SELECT pg_notify('yolotrain_jobs', 'queued')");
    }

    private void endRun(UUID id, String workerId, String outcome) {
        jdbc.update("""
                UPDATE job_run SET ended_at = now(), outcome = ? WHERE job_id = ? AND worker_id = ? AND ended_at IS NULL
                """, outcome.length() > 2000 ? outcome.substring(0, 2000) : outcome, id, workerId);
    }
}
