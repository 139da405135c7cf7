package dev.yolotrain.service.dataset;

import dev.yolotrain.engine.data.DataConfig;
import dev.yolotrain.engine.data.DatasetReport;
import dev.yolotrain.engine.data.DatasetReportJson;
import dev.yolotrain.engine.data.DatasetScanner;
import dev.yolotrain.engine.data.Problem;
import dev.yolotrain.service.api.ApiException;
import dev.yolotrain.service.config.YolotrainProperties;
import dev.yolotrain.service.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Upload: the zip goes to a private temporary folder, is extracted safely, its data.yaml read safely and
 * its labels checked by the engine's scanner; only then is the folder moved into place and the row
 * written. Any refusal deletes everything the upload wrote.
 */
@Service
public class DatasetService {
    private final DatasetRepository repo;
    private final Storage storage;
    private final YolotrainProperties.Datasets limits;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;

    public DatasetService(DatasetRepository repo, Storage storage, YolotrainProperties props, ObjectMapper json, JdbcTemplate jdbc) {
        this.repo = repo;
        this.storage = storage;
        this.limits = props.datasets();
        this.json = json;
        this.jdbc = jdbc;
    }

    public Dataset upload(String tenant, String name, InputStream body) {
        Path tmp = storage.newTempDir("upload-");
        try {
            Path zip = tmp.resolve("upload.zip");
            long size = copyLimited(body, zip);
            Path root = tmp.resolve("x");
            Files.createDirectories(root);
            SafeUnzip.Result r = new SafeUnzip(limits.maxExtractedBytes(), limits.maxEntries(), limits.maxRatio()).extract(zip, root);
            Path yaml = DataYaml.find(root);
            DataConfig cfg = DataYaml.read(root, yaml);
            DatasetReport report = DatasetScanner.builder().optCache(false).optWorkers(2).build().scan(cfg);
            String reportJson = DataYaml.relative(root, DatasetReportJson.toJson(report));
            if (report.hasFatal()) {
                List<Problem> f = report.fatal();
                throw UploadRejected.invalidDataset(DataYaml.relative(root, f.get(0).toString())
                        + (f.size() > 1 ? " (and " + (f.size() - 1) + " more)" : "")).with("report", json.readTree(reportJson));
            }
            UUID id = UUID.randomUUID();
            Dataset d = new Dataset(id, tenant, name == null || name.isBlank() ? (yaml.getParent().equals(root) ? "dataset" : yaml.getParent().getFileName().toString())
                            : name.strip(),
                    cfg.nc(), json.writeValueAsString(cfg.names()), json.writeValueAsString(splits(cfg)),
                    root.relativize(cfg.root()).toString(), reportJson, size, r.bytes(), r.files());
            Files.delete(zip);
            Files.move(root, storage.datasetDir(id), StandardCopyOption.ATOMIC_MOVE);
            try {
                return repo.save(d);
            } catch (RuntimeException e) {
                storage.delete(storage.datasetDir(id));
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            storage.delete(tmp);
        }
    }

    public List<Dataset> list(String tenant) {
        return repo.findByTenantOrderByCreatedAtDesc(tenant);
    }

    public Dataset get(String tenant, UUID id) {
        return repo.findByIdAndTenant(id, tenant).orElseThrow(() -> ApiException.notFound("dataset", id));
    }

    /** Deletes a dataset no job uses; 409 otherwise. */
    public void delete(String tenant, UUID id) {
        Dataset d = get(tenant, id);
        Integer used = jdbc.queryForObject("SELECT count(*) FROM training_job WHERE dataset_id = ?", Integer.class, id);
        if (used != null && used > 0) {
            throw new ApiException(HttpStatus.CONFLICT, "dataset-in-use", "dataset " + id + " is used by " + used
                    + " job(s); delete those first");
        }
        repo.delete(d);
        storage.delete(storage.datasetDir(id));
    }

    private Map<String, List<String>> splits(DataConfig cfg) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        cfg.splits().forEach((k, v) -> m.put(k, v.stream().map(p -> cfg.root().relativize(p).toString()).toList()));
        return m;
    }

    private long copyLimited(InputStream in, Path to) throws IOException {
        long n = 0;
        byte[] buf = new byte[256 * 1024];
        try (var out = Files.newOutputStream(to)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
                if (n > limits.maxArchiveBytes()) {
                    throw UploadRejected.tooLarge("the archive is larger than " + limits.maxArchiveBytes()
                            + " bytes (yolotrain.datasets.max-archive-bytes)");
                }
                out.write(buf, 0, r);
            }
        }
        return n;
    }
}
