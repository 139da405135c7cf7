package dev.yolotrain.service.events;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * SSE streams per job, fed by LISTEN (so any process's events reach every API process). A new stream
 * first gets the job's history (its status and every recorded epoch), then the live events that came
 * meanwhile; a terminal status ends it. All sending happens on one thread, in order.
 */
@Component
public class SseHub {
    private final Map<UUID, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "yolotrain-sse");
        t.setDaemon(true);
        return t;
    });

    public SseHub(PgListener listener, EventBus bus) {
        listener.subscribe((channel, payload) -> {
            if (EventBus.CHANNEL.equals(channel)) {
                JobEvent e = bus.parse(payload);
                if (streams.containsKey(e.job())) {
                    sender.execute(() -> deliver(e));
                }
            }
        });
    }

    private static final class Stream {
        final SseEmitter emitter;
        final List<JobEvent> pending = new ArrayList<>();
        boolean ready;
        boolean done;

        Stream(SseEmitter emitter) {
            this.emitter = emitter;
        }
    }

    /** Opens a stream: registered at once, then {@code history} (read after registering) is sent before any live event. */
    public void open(UUID job, SseEmitter emitter, Supplier<List<JobEvent>> history) {
        Stream s = new Stream(emitter);
        streams.computeIfAbsent(job, k -> ConcurrentHashMap.newKeySet()).add(s);
        Runnable remove = () -> remove(job, s);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(t -> remove.run());
        List<JobEvent> past = history.get();
        sender.execute(() -> {
            for (JobEvent e : past) {
                send(job, s, e);
            }
            s.ready = true;
            for (JobEvent e : s.pending) {
                send(job, s, e);
            }
            s.pending.clear();
        });
    }

    private void remove(UUID job, Stream s) {
        Set<Stream> set = streams.get(job);
        if (set != null) {
            set.remove(s);
            if (set.isEmpty()) {
                streams.remove(job, set);
            }
        }
    }

    private void deliver(JobEvent e) {
        Set<Stream> set = streams.get(e.job());
        if (set == null) {
            return;
        }
        for (Stream s : set) {
            if (s.ready) {
                send(e.job(), s, e);
            } else {
                s.pending.add(e);
            }
        }
    }

    private void send(UUID job, Stream s, JobEvent e) {
        if (s.done) {
            return;
        }
        try {
            s.emitter.send(SseEmitter.event().name(e.type()).data(e.data()));
            if ("status".equals(e.type()) && isTerminal(e.data().path("status").asString(""))) {
                s.done = true;
                s.emitter.complete();
                remove(job, s);
            }
        } catch (IOException | IllegalStateException ex) {
            s.done = true;
            remove(job, s);
        }
    }

    public static boolean isTerminal(String status) {
        return status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED");
    }
}
