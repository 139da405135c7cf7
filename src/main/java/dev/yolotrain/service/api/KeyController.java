package dev.yolotrain.service.api;

import dev.yolotrain.service.config.Roles;
import dev.yolotrain.service.security.ApiKeys;
import dev.yolotrain.service.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Roles("api")
@RequestMapping("/api/v1/keys")
@Tag(name = "keys", description = "API keys (admin only). Each new key gets its own tenant unless one is named.")
public class KeyController {
    private final ApiKeys keys;

    public KeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @Schema(example = "{\"name\": \"alice\"}")
    public record KeyRequest(String name, @Schema(description = "tenant to join; empty: a new tenant") String tenant, Boolean admin) {}

    /** The key is shown here once; only its hash is stored. */
    public record KeyView(UUID id, String name, String tenant, boolean admin, String key, Instant createdAt) {}

    @PostMapping
    @Operation(summary = "Create an API key (admin key required); the key is returned once")
    public ResponseEntity<KeyView> create(Caller caller, @RequestBody(required = false) KeyRequest r) {
        if (!caller.admin()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "admin-only", "only an admin key can create keys");
        }
        String name = r == null || r.name() == null || r.name().isBlank() ? "key" : r.name().strip();
        String tenant = r == null || r.tenant() == null || r.tenant().isBlank() ? null : r.tenant().strip();
        ApiKeys.Created c = keys.create(name, tenant, r != null && Boolean.TRUE.equals(r.admin()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new KeyView(c.row().getId(), c.row().getName(), c.row().getTenant(),
                c.row().isAdmin(), c.key(), c.row().getCreatedAt()));
    }
}
