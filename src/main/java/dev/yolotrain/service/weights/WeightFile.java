package dev.yolotrain.service.weights;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An uploaded state dict (.safetensors or .npz) that jobs can start from. */
@Entity
@Table(name = "weight_file")
public class WeightFile {
    @Id
    private UUID id;
    private String tenant;
    private String name;
    private String format;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    private int tensors;
    @Column(name = "created_at")
    private Instant createdAt;

    protected WeightFile() {}

    public WeightFile(UUID id, String tenant, String name, String format, long sizeBytes, String sha256, int tensors) {
        this.id = id;
        this.tenant = tenant;
        this.name = name;
        this.format = format;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.tensors = tensors;
        this.createdAt = Instant.now();
    }

    public UUID getId() { return id; }
    public String getTenant() { return tenant; }
    public String getName() { return name; }
    public String getFormat() { return format; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public int getTensors() { return tensors; }
    public Instant getCreatedAt() { return createdAt; }
}
