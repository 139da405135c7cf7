package dev.yolotrain.service.job;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a job's epoch_metric rows (one per epoch), epoch order. */
@Component
public class EpochMetrics {
    private final JdbcTemplate jdbc;

    public EpochMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<EpochRow> list(UUID job) {
        return jdbc.query("""
                SELECT epoch, precision, recall, map50, map50_95, fitness, epoch_seconds, images_per_second, row
                  FROM epoch_metric WHERE job_id = ? ORDER BY epoch
                """, (rs, i) -> new EpochRow(rs.getInt(1), (Double) rs.getObject(2), (Double) rs.getObject(3),
                (Double) rs.getObject(4), (Double) rs.getObject(5), (Double) rs.getObject(6), (Double) rs.getObject(7),
                (Double) rs.getObject(8), rs.getString(9)), job);
    }
}
