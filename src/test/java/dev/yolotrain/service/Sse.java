package dev.yolotrain.service;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/** Reads an SSE stream to its end in the background: the events as (name, data). */
public final class Sse {
    public record Event(String name, JsonNode data) {}

    private Sse() {}

    public static CompletableFuture<List<Event>> collect(Api api, String path) {
        return api.client().sendAsync(api.request(path).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).thenApply(res -> {
                    if (res.statusCode() != 200) {
                        throw new IllegalStateException("SSE " + path + ": HTTP " + res.statusCode());
                    }
                    List<Event> events = new ArrayList<>();
                    String[] name = {null};
                    StringBuilder data = new StringBuilder();
                    res.body().forEach(line -> {
                        if (line.startsWith("event:")) {
                            name[0] = line.substring(6).strip();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5));
                        } else if (line.isEmpty() && data.length() > 0) {
                            events.add(new Event(name[0], Api.JSON.readTree(data.toString())));
                            name[0] = null;
                            data.setLength(0);
                        }
                    });
                    return events;
                });
    }
}
