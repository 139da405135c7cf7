package dev.yolotrain.service.api;

import dev.yolotrain.service.config.Roles;
import dev.yolotrain.service.security.Caller;
import dev.yolotrain.service.weights.WeightFile;
import dev.yolotrain.service.weights.WeightService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Roles("api")
@RequestMapping("/api/v1/weights")
@Tag(name = "weights", description = "Weights to start jobs from (a YOLOv5 .pt such as yolov5s.pt, or a state dict as .safetensors or .npz): \"weights\": \"weights/<id>\"")
public class WeightController {
    private final WeightService weights;

    public WeightController(WeightService weights) {
        this.weights = weights;
    }

    /** A weight file as the API shows it. */
    public record WeightView(UUID id, String name, String format, long sizeBytes, String sha256, int tensors, String ref,
            java.time.Instant createdAt) {
        static WeightView of(WeightFile w) {
            return new WeightView(w.getId(), w.getName(), w.getFormat(), w.getSizeBytes(), w.getSha256(), w.getTensors(),
                    "weights/" + w.getId(), w.getCreatedAt());
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload weights (part 'file', optional 'name'): a YOLOv5 .pt or a state dict; the engine must be able to read it")
    public ResponseEntity<WeightView> upload(Caller caller, @RequestPart("file") MultipartFile file,
            @RequestParam(value = "name", required = false) String name) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(WeightView.of(weights.upload(caller.tenant(),
                    name != null ? name : file.getOriginalFilename(), in)));
        }
    }

    @GetMapping
    public List<WeightView> list(Caller caller) {
        return weights.list(caller.tenant()).stream().map(WeightView::of).toList();
    }

    @GetMapping("/{id}")
    public WeightView get(Caller caller, @PathVariable UUID id) {
        return WeightView.of(weights.get(caller.tenant(), id));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        weights.delete(caller.tenant(), id);
        return ResponseEntity.noContent().build();
    }
}
