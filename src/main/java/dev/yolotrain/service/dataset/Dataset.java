package dev.yolotrain.service.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An uploaded, checked dataset. JSON columns are kept as text. */
@Entity
@Table(name = "dataset")
public class Dataset {
    @Id
    private UUID id;
    private String tenant;
    private String name;
    private int nc;
    private String names;
    private String splits;
    @Column(name = "root_rel")
    private String rootRel;
    private String report;
    @Column(name = "archive_bytes")
    private long archiveBytes;
    @Column(name = "extracted_bytes")
    private long extractedBytes;
    private int files;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Dataset() {}

    public Dataset(UUID id, String tenant, String name, int nc, String names, String splits, String rootRel,
            String report, long archiveBytes, long extractedBytes, int files) {
        this.id = id;
        this.tenant = tenant;
        this.name = name;
        this.nc = nc;
        this.names = names;
        this.splits = splits;
        this.rootRel = rootRel;
        this.report = report;
        this.archiveBytes = archiveBytes;
        this.extractedBytes = extractedBytes;
        this.files = files;
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

    public int getNc() {
        return nc;
    }

    public String getNames() {
        return names;
    }

    public String getSplits() {
        return splits;
    }

    public String getRootRel() {
        return rootRel;
    }

    public String getReport() {
        return report;
    }

    public long getArchiveBytes() {
        return archiveBytes;
    }

    public long getExtractedBytes() {
        return extractedBytes;
    }

    public int getFiles() {
        return files;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
