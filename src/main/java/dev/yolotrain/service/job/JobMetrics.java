package dev.yolotrain.service.job;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Prometheus gauge yolotrain_jobs{state=…}: jobs by state, counted in the database every 15 s. */
@Component
public class JobMetrics {
    private final JdbcTemplate jdbc;
    private final Map<JobStatus, AtomicLong> counts = new EnumMap<>(JobStatus.class);

    public JobMetrics(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        for (JobStatus s : JobStatus.values()) {
            AtomicLong v = new AtomicLong();
            counts.put(s, v);
            Gauge.builder("yolotrain.jobs", v, AtomicLong::get).tag("state", s.name()).description("jobs by state").register(meters);
        }
    }

    @Scheduled(fixedDelayString = "15s", initialDelayString = "1s")
    public void refresh() {
        try {
            Map<JobStatus, Long> now = new EnumMap<>(JobStatus.class);
            jdbc.query("SELECT status, count(*) FROM training_job GROUP BY status",
                    rs -> {
                        now.put(JobStatus.valueOf(rs.getString(1)), rs.getLong(2));
                    });
            counts.forEach((s, v) -> v.set(now.getOrDefault(s, 0L)));
        } catch (RuntimeException e) {
            // the next refresh tries again
        }
    }
}
