package dev.yolotrain.service.api;

import dev.yolotrain.service.config.Roles;
import dev.yolotrain.service.dataset.DatasetService;
import dev.yolotrain.service.security.Caller;
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
import tools.jackson.databind.ObjectMapper;

@RestController
@Roles("api")
@RequestMapping("/api/v1/datasets")
@Tag(name = "datasets", description = "YOLO-format datasets uploaded as a zip (data.yaml, images/, labels/)")
public class DatasetController {
    private final DatasetService datasets;
    private final ObjectMapper json;

    public DatasetController(DatasetService datasets, ObjectMapper json) {
        this.datasets = datasets;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a dataset zip (part 'file', optional 'name')",
            description = "Extracted safely (no traversal, absolute paths, links; size, entry and zip-bomb limits), data.yaml "
                    + "read with a safe loader, labels checked. 201 with the report, or a problem naming what was refused; "
                    + "nothing of a refused upload stays on disk.")
    public ResponseEntity<DatasetView> upload(Caller caller, @RequestPart("file") MultipartFile file,
            @RequestParam(value = "name", required = false) String name) throws IOException {
        if (file.isEmpty()) {
            throw ApiException.badRequest("empty-upload", "part 'file' is empty").with("field", "file");
        }
        try (InputStream in = file.getInputStream()) {
            String given = name != null && !name.isBlank() ? name
                    : file.getOriginalFilename() == null ? null : file.getOriginalFilename().replaceAll("(?i)\\.zip$", "");
            var d = datasets.upload(caller.tenant(), given, in);
            return ResponseEntity.status(HttpStatus.CREATED).body(DatasetView.of(d, json, true));
        }
    }

    @GetMapping
    @Operation(summary = "List the caller's datasets")
    public List<DatasetView> list(Caller caller) {
        return datasets.list(caller.tenant()).stream().map(d -> DatasetView.of(d, json, false)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dataset with its check report")
    public DatasetView get(Caller caller, @PathVariable UUID id) {
        return DatasetView.of(datasets.get(caller.tenant(), id), json, true);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a dataset that no job uses")
    public ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        datasets.delete(caller.tenant(), id);
        return ResponseEntity.noContent().build();
    }
}
