package dev.yolotrain.service.security;

/** Who is calling: the tenant that owns what the call makes or reads, and whether the key is an admin key. */
public record Caller(String tenant, boolean admin, String keyPrefix) {
    /** Request attribute under which {@link ApiKeyFilter} puts the caller. */
    public static final String ATTRIBUTE = "yolotrain.caller";
}
