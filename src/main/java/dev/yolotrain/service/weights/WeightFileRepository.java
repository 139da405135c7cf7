package dev.yolotrain.service.weights;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WeightFileRepository extends JpaRepository<WeightFile, UUID> {
    Optional<WeightFile> findByIdAndTenant(UUID id, String tenant);

    List<WeightFile> findByTenantOrderByCreatedAtDesc(String tenant);
}
