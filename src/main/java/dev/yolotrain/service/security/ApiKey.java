package dev.yolotrain.service.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An API key: only its SHA-256 is stored. */
@Entity
@Table(name = "api_key")
public class ApiKey {
    @Id
    private UUID id;
    private String tenant;
    private String name;
    @Column(name = "key_hash")
    private String keyHash;
    @Column(name = "key_prefix")
    private String keyPrefix;
    private boolean admin;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {}

    public ApiKey(String tenant, String name, String keyHash, String keyPrefix, boolean admin) {
        this.id = UUID.randomUUID();
        this.tenant = tenant;
        this.name = name;
        this.keyHash = keyHash;
        this.keyPrefix = keyPrefix;
        this.admin = admin;
        this.createdAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public String getTenant() {
        return tenant;
    }

    public String getName() {
        return name;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public boolean isAdmin() {
        return admin;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public void revoke() {
        this.revokedAt = Instant.now();
    }
}
