package dev.yolotrain.service.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiKeyRepository extends JpaRepository<ApiKey, UUID> {
    Optional<ApiKey> findByKeyHashAndRevokedAtIsNull(String keyHash);

    Optional<ApiKey> findByKeyHash(String keyHash);

    List<ApiKey> findByTenantOrderByCreatedAt(String tenant);
}
