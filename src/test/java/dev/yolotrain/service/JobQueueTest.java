package dev.yolotrain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yolotrain.service.job.EpochRow;
import dev.yolotrain.service.job.JobQueue;
import dev.yolotrain.service.job.JobStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The queue's SQL on the real database: concurrent claims, lease expiry, max attempts, fencing of a lost worker. */
@DirtiesContext
@SpringBootTest(classes = dev.yolotrain.service.ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class JobQueueTest {
    static final Path STORAGE = TestDb.tempStorage("queue");

    @org.junit.jupiter.api.AfterAll
    static void removeStorage() {
        TestDb.deleteStorage(STORAGE);
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        TestDb.register(r, "yt_queue", STORAGE, "api", "w-queue");
        r.add("yolotrain.worker.reaper-interval", () -> "1h");
    }

    @Autowired
    JobQueue queue;
    @Autowired
    JdbcTemplate jdbc;
    UUID dataset;

    @BeforeEach
    void clean() {
        jdbc.update("DELETE FROM epoch_metric");
        jdbc.update("DELETE FROM job_run");
        jdbc.update("DELETE FROM training_job");
        jdbc.update("DELETE FROM dataset");
        dataset = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO dataset (id, tenant, name, nc, names, splits, root_rel, report, archive_bytes, extracted_bytes, files)
                VALUES (?, 't', 'd', 1, '["a"]', '{}', '', '{}', 0, 0, 0)""", dataset);
    }

    List<UUID> enqueue(int n, int maxAttempts) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            jdbc.update("""
                    INSERT INTO training_job (id, tenant, dataset_id, status, model, epochs, batch_size, img_size, hyp, options, max_attempts)
                    VALUES (?, 't', ?, 'QUEUED', 'yolov5n', 3, 2, 64, '{}', '{}', ?)""", id, dataset, maxAttempts);
            ids.add(id);
        }
        return ids;
    }

    @Test
    void concurrentClaimsTakeEveryJobExactlyOnce() throws Exception {
        List<UUID> ids = enqueue(300, 3);
        Map<UUID, String> taken = new ConcurrentHashMap<>();
        List<String> doubles = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            String worker = "w" + (t % 2);
            fs.add(pool.submit(() -> {
                while (true) {
                    var c = queue.claim(worker, Duration.ofMinutes(1));
                    if (c.isEmpty()) {
                        return;
                    }
                    if (taken.putIfAbsent(c.get().id(), worker) != null) {
                        doubles.add(c.get().id().toString());
                    }
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        assertThat(doubles).isEmpty();
        assertThat(taken.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM job_run", Integer.class)).isEqualTo(300);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM training_job WHERE status = 'RUNNING'", Integer.class)).isEqualTo(300);
    }

    @Test
    void expiredLeasesAreRequeuedThenFailedAfterMaxAttempts() {
        UUID id = enqueue(1, 2).get(0);
        assertThat(queue.claim("gone", Duration.ofMinutes(1))).isPresent();
        expire(id);
        assertThat(queue.reap()).containsExactly(id);
        assertThat(status(id)).isEqualTo("QUEUED");
        assertThat(jdbc.queryForObject("SELECT attempt FROM training_job WHERE id = ?", Integer.class, id)).isEqualTo(2);

        var second = queue.claim("gone-too", Duration.ofMinutes(1)).orElseThrow();
        assertThat(second.attempt()).isEqualTo(2);
        expire(id);
        assertThat(queue.reap()).containsExactly(id);
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT failure_reason FROM training_job WHERE id = ?", String.class, id))
                .contains("gone-too stopped renewing its lease", "attempt 2 of 2");
        assertThat(queue.reap()).isEmpty();
    }

    @Test
    void aWorkerThatLostItsLeaseCanNoLongerWrite() {
        UUID id = enqueue(1, 3).get(0);
        queue.claim("old", Duration.ofMinutes(1)).orElseThrow();
        EpochRow row = new EpochRow(0, 0.1, 0.2, 0.3, 0.4, 0.5, 1.0, 2.0, "{\"epoch\":0}");
        assertThat(queue.epochEnd(id, "old", 1, row)).isTrue();
        expire(id);
        queue.reap();
        queue.claim("new", Duration.ofMinutes(1)).orElseThrow();
        assertThat(queue.heartbeat(id, "old", Duration.ofMinutes(1))).isEmpty();
        assertThat(queue.heartbeat(id, "new", Duration.ofMinutes(1))).contains(JobStatus.RUNNING);
        assertThat(queue.epochEnd(id, "old", 1, new EpochRow(1, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, "{}"))).isFalse();
        assertThat(queue.finish(id, "old", JobStatus.SUCCEEDED, null)).isFalse();
        // the new worker redoes epoch 0: still one row for it
        assertThat(queue.epochEnd(id, "new", 2, row)).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM epoch_metric WHERE job_id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT attempt FROM epoch_metric WHERE job_id = ?", Integer.class, id)).isEqualTo(2);
        assertThat(queue.finish(id, "new", JobStatus.SUCCEEDED, null)).isTrue();
        assertThat(status(id)).isEqualTo("SUCCEEDED");
    }

    @Test
    void aResumedRunRecordsOnlyTheEpochsItsDeadPredecessorMissed() {
        UUID id = enqueue(1, 3).get(0);
        queue.claim("old", Duration.ofMinutes(1)).orElseThrow();
        assertThat(queue.epochEnd(id, "old", 1, new EpochRow(0, 0.1, 0.2, 0.3, 0.4, 0.5, 10.0, 20.0, "{\"epoch\":0}"))).isTrue();
        // "old" finished epoch 1 and saved its checkpoint, then died before recording it
        expire(id);
        queue.reap();
        queue.claim("new", Duration.ofMinutes(1)).orElseThrow();
        // the resumed run reports epochs 0 and 1 from its epoch log: 0 is kept as recorded, 1 is added
        assertThat(queue.epochRecovered(id, "new", 2, new EpochRow(0, 0.9, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, "{}"))).isFalse();
        assertThat(queue.epochRecovered(id, "new", 2, new EpochRow(1, 0.2, 0.3, 0.4, 0.5, 0.6, 11.0, 21.0, "{\"epoch\":1}"))).isTrue();
        assertThat(jdbc.queryForList("SELECT epoch || ':' || precision || ':' || attempt FROM epoch_metric WHERE job_id = ? ORDER BY epoch",
                String.class, id)).containsExactly("0:0.1:1", "1:0.2:2");
        assertThat(jdbc.queryForObject("SELECT epoch FROM training_job WHERE id = ?", Integer.class, id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT best_fitness FROM training_job WHERE id = ?", Double.class, id)).isEqualTo(0.6);
        // a recovered epoch behind the job's progress does not move it back
        assertThat(queue.epochEnd(id, "new", 2, new EpochRow(2, 0.3, 0.3, 0.3, 0.3, 0.3, 1.0, 1.0, "{\"epoch\":2}"))).isTrue();
        jdbc.update("DELETE FROM epoch_metric WHERE job_id = ? AND epoch = 0", id);
        assertThat(queue.epochRecovered(id, "new", 2, new EpochRow(0, 0.1, 0.2, 0.3, 0.4, 0.5, 10.0, 20.0, "{\"epoch\":0}"))).isTrue();
        assertThat(jdbc.queryForObject("SELECT epoch FROM training_job WHERE id = ?", Integer.class, id)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT latest_metrics::text FROM training_job WHERE id = ?", String.class, id)).contains("2");
        // a worker without the lease records nothing
        assertThat(queue.epochRecovered(id, "old", 1, new EpochRow(3, 0.1, 0.2, 0.3, 0.4, 0.5, 1.0, 1.0, "{}"))).isFalse();
    }

    @Test
    void cancellingJobsWhoseWorkerDiedEndCancelled() {
        UUID id = enqueue(1, 3).get(0);
        queue.claim("w", Duration.ofMinutes(1)).orElseThrow();
        assertThat(queue.cancel(id, "t")).contains(JobStatus.CANCELLING);
        expire(id);
        queue.reap();
        assertThat(status(id)).isEqualTo("CANCELLED");
    }

    void expire(UUID id) {
        jdbc.update("UPDATE training_job SET lease_until = now() - interval '1 second' WHERE id = ?", id);
    }

    String status(UUID id) {
        return jdbc.queryForObject("SELECT status FROM training_job WHERE id = ?", String.class, id);
    }
}
