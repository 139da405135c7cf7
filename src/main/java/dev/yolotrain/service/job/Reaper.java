package dev.yolotrain.service.job;

import dev.yolotrain.service.events.EventBus;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Re-queues jobs whose worker stopped renewing the lease (or fails them after max attempts). Runs in every process. */
@Component
public class Reaper {
    private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);
    private final JobQueue queue;
    private final EventBus events;

    public Reaper(JobQueue queue, EventBus events) {
        this.queue = queue;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${yolotrain.worker.reaper-interval:10s}", initialDelayString = "${yolotrain.worker.reaper-interval:10s}")
    public void reap() {
        try {
            List<UUID> reaped = queue.reap();
            for (UUID id : reaped) {
                JobStatus s = queue.status(id).orElse(null);
                LOG.warn("job {}: lease expired; now {}", id, s);
                events.status(id, s, "lease expired");
            }
            if (!reaped.isEmpty()) {
                queue.notifyQueued();
            }
        } catch (RuntimeException e) {
            LOG.warn("reaper: {}", e.toString());
        }
    }
}
