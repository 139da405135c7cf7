package dev.yolotrain.service.api;

import dev.yolotrain.service.config.Roles;
import dev.yolotrain.service.dataset.DemoDataset;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Roles("api")
@Tag(name = "examples", description = "A synthetic dataset to try the service with")
public class ExampleController {

    @GetMapping(value = "/api/v1/examples/dataset.zip", produces = "application/zip")
    @Operation(summary = "A small synthetic YOLO dataset (2 classes: box, disc) as a zip, ready to upload")
    public ResponseEntity<byte[]> dataset(@RequestParam(defaultValue = "16") int train, @RequestParam(defaultValue = "8") int val,
            @RequestParam(defaultValue = "160") int size) {
        if (train < 1 || train > 500 || val < 1 || val > 500 || size < 32 || size > 1024) {
            throw ApiException.badRequest("invalid-field", "train and val must be 1..500, size 32..1024");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("dataset.zip").build().toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(DemoDataset.zip(train, val, size, 0));
    }
}
