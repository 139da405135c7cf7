package dev.yolotrain.service.dataset;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DatasetRepository extends JpaRepository<Dataset, UUID> {
    Optional<Dataset> findByIdAndTenant(UUID id, String tenant);

    List<Dataset> findByTenantOrderByCreatedAtDesc(String tenant);
}
