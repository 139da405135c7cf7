package dev.yolotrain.service.job;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JobRepository extends JpaRepository<TrainingJob, UUID> {
    Optional<TrainingJob> findByIdAndTenant(UUID id, String tenant);

    List<TrainingJob> findByTenantOrderByCreatedAtDesc(String tenant);

    List<TrainingJob> findByTenantAndStatusOrderByCreatedAtDesc(String tenant, JobStatus status);
}
