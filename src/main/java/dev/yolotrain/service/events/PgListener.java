package dev.yolotrain.service.events;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * LISTENs on the job channels with one connection of its own and hands each notification to the
 * subscribers (SSE fan-out, idle workers). Reconnects when the connection drops.
 */
@Component
public class PgListener implements SmartLifecycle {
    public static final String JOBS_CHANNEL = "yolotrain_jobs";
    private static final Logger LOG = LoggerFactory.getLogger(PgListener.class);
    private final DataSource dataSource;
    private final List<BiConsumer<String, String>> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread thread;

    public PgListener(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Called with (channel, payload) for every notification. */
    public void subscribe(BiConsumer<String, String> subscriber) {
        subscribers.add(subscriber);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "yolotrain-listen");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + EventBus.CHANNEL);
                    s.execute("LISTEN " + JOBS_CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] ns = pg.getNotifications(1000);
                    if (ns == null) {
                        continue;
                    }
                    for (PGNotification n : ns) {
                        for (BiConsumer<String, String> s : subscribers) {
                            try {
                                s.accept(n.getName(), n.getParameter());
                            } catch (RuntimeException e) {
                                LOG.warn("notification subscriber failed: {}", e.toString());
                            }
                        }
                    }
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warn("LISTEN connection lost ({}); reconnecting", e.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }
}
