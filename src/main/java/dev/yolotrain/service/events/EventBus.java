package dev.yolotrain.service.events;

import dev.yolotrain.service.job.JobStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Publishes job events with PostgreSQL NOTIFY, so SSE streams in any API process see what any worker did. */
@Component
public class EventBus {
    public static final String CHANNEL = "yolotrain_events";
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
    private static final int MAX_PAYLOAD = 7900;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public EventBus(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void publish(UUID job, String type, Object data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", job.toString());
        m.put("type", type);
        m.put("data", data);
        String payload = json.writeValueAsString(m);
        if (payload.length() > MAX_PAYLOAD) {
            LOG.warn("event {} of job {} is too large for NOTIFY ({} chars); dropped", type, job, payload.length());
            return;
        }
        try {
            jdbc.queryForList("SELECT pg_notify(?, ?)", CHANNEL, payload);
        } catch (RuntimeException e) {
            LOG.warn("cannot publish event {} of job {}: {}", type, job, e.toString());
        }
    }

    public void status(UUID job, JobStatus status, String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status == null ? null : status.name());
        m.put("detail", detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000));
        publish(job, "status", m);
    }

    public JobEvent parse(String payload) {
        var node = json.readTree(payload);
        return new JobEvent(UUID.fromString(node.get("job").asString()), node.get("type").asString(), node.get("data"));
    }
}
