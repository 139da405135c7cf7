package dev.yolotrain.service.events;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One event of a job as it crosses processes: {@code status}, {@code epoch} or {@code progress}, with its data. */
public record JobEvent(UUID job, String type, JsonNode data) {}
