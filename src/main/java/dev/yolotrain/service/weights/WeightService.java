package dev.yolotrain.service.weights;

import dev.yolotrain.engine.checkpoint.WeightsFile;
import dev.yolotrain.engine.io.TensorFiles;
import dev.yolotrain.service.api.ApiException;
import dev.yolotrain.service.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Uploaded state dicts: read by the engine before they are kept (a file it cannot read is refused). */
@Service
public class WeightService {
    private final WeightFileRepository repo;
    private final Storage storage;

    public WeightService(WeightFileRepository repo, Storage storage) {
        this.repo = repo;
        this.storage = storage;
    }

    public WeightFile upload(String tenant, String name, InputStream in) {
        Path tmp = storage.newTempDir("weights-");
        try {
            Path f = tmp.resolve("upload");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (DigestInputStream d = new DigestInputStream(in, sha)) {
                size = Files.copy(d, f);
            }
            int tensors;
            try {
                tensors = WeightsFile.read(f).stateDict().size();
            } catch (RuntimeException e) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-weights",
                        "not readable weights (a YOLOv5 .pt, .safetensors or .npz state dict): " + e.getMessage().replace(f.toString(), "upload"));
            }
            byte[] head = new byte[2];
            try (InputStream r = Files.newInputStream(f)) {
                r.readNBytes(head, 0, 2);
            }
            String format = TensorFiles.isTorchArchive(f) ? "pt"
                    : head[0] == 'P' && head[1] == 'K' && tensors > 0 && isZip(f) ? "npz" : "safetensors";
            UUID id = UUID.randomUUID();
            Path dest = storage.weightFile(id, format);
            Files.move(f, dest, StandardCopyOption.ATOMIC_MOVE);
            return repo.save(new WeightFile(id, tenant, name == null || name.isBlank() ? "weights" : name.strip(), format, size,
                    HexFormat.of().formatHex(sha.digest()), tensors));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            storage.delete(tmp);
        }
    }

    private static boolean isZip(Path f) {
        try (var z = new java.util.zip.ZipFile(f.toFile())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public List<WeightFile> list(String tenant) {
        return repo.findByTenantOrderByCreatedAtDesc(tenant);
    }

    public WeightFile get(String tenant, UUID id) {
        return repo.findByIdAndTenant(id, tenant).orElseThrow(() -> ApiException.notFound("weights", id));
    }

    public Path file(WeightFile w) {
        return storage.weightFile(w.getId(), w.getFormat());
    }

    public void delete(String tenant, UUID id) {
        WeightFile w = get(tenant, id);
        repo.delete(w);
        storage.delete(file(w));
    }
}
