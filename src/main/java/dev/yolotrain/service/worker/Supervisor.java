package dev.yolotrain.service.worker;

import dev.yolotrain.service.config.Roles;
import dev.yolotrain.service.config.YolotrainProperties;
import dev.yolotrain.service.events.EventBus;
import dev.yolotrain.service.events.JobEvent;
import dev.yolotrain.service.events.PgListener;
import dev.yolotrain.service.job.JobQueue;
import dev.yolotrain.service.job.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The worker: one thread per slot claims a job (SKIP LOCKED), runs it in a child JVM and claims the
 * next; idle slots wait for a NOTIFY or the poll interval. One timer renews the leases of running jobs
 * and passes cancels on (SIGTERM, then SIGKILL after the grace period); a lost lease kills the child.
 */
@Component
@Roles("worker")
public class Supervisor implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    private final JobQueue queue;
    private final JobRunner runner;
    private final EventBus events;
    private final YolotrainProperties.Worker cfg;
    private final String workerId;
    private final List<Slots.Slot> slots;
    private final Object idle = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "yolotrain-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;

    public Supervisor(JobQueue queue, JobRunner runner, EventBus events, PgListener listener, YolotrainProperties props,
            WorkerIdentity id) {
        this.queue = queue;
        this.runner = runner;
        this.events = events;
        this.cfg = props.worker();
        this.workerId = id.id();
        this.slots = Slots.of(cfg.gpus(), cfg.cpuSlots());
        listener.subscribe(this::onNotify);
    }

    public List<String> slotNames() {
        return slots.stream().map(Slots.Slot::name).toList();
    }

    @Override
    public void start() {
        running = true;
        for (Slots.Slot s : slots) {
            Thread t = new Thread(() -> loop(s), "yolotrain-slot-" + s.name());
            t.start();
            threads.add(t);
        }
        long hb = cfg.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::heartbeat, hb, hb, TimeUnit.MILLISECONDS);
        LOG.info("worker {}: {} slot(s) {}", workerId, slots.size(), slotNames());
    }

    private void loop(Slots.Slot slot) {
        while (running) {
            Optional<JobQueue.Claim> c;
            try {
                c = queue.claim(workerId, cfg.lease());
            } catch (RuntimeException e) {
                LOG.warn("slot {}: cannot claim: {}", slot.name(), e.toString());
                c = Optional.empty();
            }
            if (c.isPresent()) {
                try {
                    runner.run(c.get(), slot);
                } catch (RuntimeException e) {
                    LOG.error("slot {}: job {} failed in the supervisor", slot.name(), c.get().id(), e);
                }
                continue;
            }
            synchronized (idle) {
                try {
                    idle.wait(cfg.poll().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void heartbeat() {
        for (RunningJob r : runner.running.values()) {
            try {
                Optional<JobStatus> s = queue.heartbeat(r.claim.id(), workerId, cfg.lease());
                if (s.isEmpty()) {
                    r.leaseLost = true;
                    r.log.line("lease lost: the job is no longer this worker's; stopping the training process");
                    r.process.destroyForcibly();
                } else if (s.get() == JobStatus.CANCELLING) {
                    r.cancel(timer, cfg.cancelGrace().toMillis());
                }
            } catch (RuntimeException e) {
                LOG.warn("heartbeat of job {} failed: {}", r.claim.id(), e.toString());
            }
        }
    }

    private void onNotify(String channel, String payload) {
        if (PgListener.JOBS_CHANNEL.equals(channel)) {
            synchronized (idle) {
                idle.notifyAll();
            }
        } else if (EventBus.CHANNEL.equals(channel) && payload.contains("CANCELLING")) {
            JobEvent e = events.parse(payload);
            RunningJob r = runner.running.get(e.job());
            if (r != null && "status".equals(e.type()) && "CANCELLING".equals(e.data().path("status").asString(""))) {
                timer.execute(() -> r.cancel(timer, cfg.cancelGrace().toMillis()));
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        synchronized (idle) {
            idle.notifyAll();
        }
        for (RunningJob r : runner.running.values()) {
            r.shuttingDown = true;
            r.log.line("worker shutting down: SIGTERM to the training process (it saves last)");
            r.terminate(timer, cfg.cancelGrace().toMillis());
        }
        for (Thread t : threads) {
            try {
                t.join(cfg.cancelGrace().toMillis() + 5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop before the web server and the database pool
        return Integer.MAX_VALUE - 100;
    }
}
