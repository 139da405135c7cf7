package dev.yolotrain.service.api;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Adds the problem+json answers, with examples, to every /api/ operation of /v3/api-docs. */
@Component
public class ProblemExamples implements OpenApiCustomizer {

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
            op.getResponses().addApiResponse("401", problem("Missing or unknown API key", "unauthorized", 401,
                    "send the API key as 'Authorization: Bearer <key>'", Map.of()));
            op.getResponses().addApiResponse("404", problem("Not found, or another tenant's", "not-found", 404,
                    "job 3f1c2a9e-0000-4000-8000-000000000001 not found", Map.of()));
            if (path.equals("/api/v1/jobs") && op.getRequestBody() != null) {
                op.getResponses().addApiResponse("400", problem("Invalid request (names the field or hyp key)", "invalid-hyp", 400,
                        "hyp: hyp 'fliplr' (horizontal flip probability) must be in [0, 1], got 3", Map.of("field", "hyp", "key", "fliplr")));
            }
            if (path.equals("/api/v1/datasets") && op.getRequestBody() != null) {
                op.getResponses().addApiResponse("400", problem("Unsafe or broken zip", "unsafe-zip-entry", 400,
                        "zip entry '../../etc/passwd' climbs out of the archive (path traversal)", Map.of("entry", "../../etc/passwd")));
                op.getResponses().addApiResponse("413", problem("Archive too large or a zip bomb", "zip-bomb", 413,
                        "zip entry 'big.bin' inflates more than 200 times its compressed size (a zip bomb)", Map.of("entry", "big.bin")));
                op.getResponses().addApiResponse("415", problem("Not a zip", "not-a-zip", 415,
                        "the upload is not a zip archive (it does not start with a zip local header)", Map.of()));
                op.getResponses().addApiResponse("422", problem("data.yaml or labels refused", "invalid-dataset", 422,
                        "data.yaml 'path: /etc' points outside the archive", Map.of()));
            }
        }));
    }

    private static ApiResponse problem(String description, String type, int status, String detail, Map<String, Object> extra) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", "https://yolotrain.dev/problems/" + type);
        v.put("title", Character.toUpperCase(type.charAt(0)) + type.substring(1).replace('-', ' '));
        v.put("status", status);
        v.put("detail", detail);
        v.putAll(extra);
        MediaType mt = new MediaType().schema(new Schema<>().type("object").description("RFC 9457 problem details"))
                .addExamples(type, new Example().value(v));
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json", mt));
    }
}
