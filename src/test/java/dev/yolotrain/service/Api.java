package dev.yolotrain.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: JSON, multipart, bytes; the API key as a Bearer token. */
public final class Api {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String key;

    public Api(int port, String key) {
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    public Api as(String otherKey) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherKey);
    }

    public record Res(int status, String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    public Res send(HttpRequest r) {
        try {
            HttpResponse<byte[]> res = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
            return new Res(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""), res.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Res get(String path) {
        return send(request(path).GET().build());
    }

    public Res delete(String path) {
        return send(request(path).DELETE().build());
    }

    public Res post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public Res postJson(String path, Object body) {
        String s = body instanceof String str ? str : JSON.writeValueAsString(body);
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(s)).build());
    }

    /** Multipart: byte[] values are file parts, others text parts. */
    public Res postMultipart(String path, Map<String, Object> parts) {
        String boundary = "----yolotrain" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, Object> p : parts.entrySet()) {
                out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
                if (p.getValue() instanceof byte[] bytes) {
                    out.write(("Content-Disposition: form-data; name=\"" + p.getKey() + "\"; filename=\"" + p.getKey()
                            + ".bin\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    out.write(bytes);
                } else {
                    out.write(("Content-Disposition: form-data; name=\"" + p.getKey() + "\"\r\n\r\n" + p.getValue())
                            .getBytes(StandardCharsets.UTF_8));
                }
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    public HttpClient client() {
        return http;
    }
}
