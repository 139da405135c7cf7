package dev.yolotrain.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes keys (random, 256 bits), stores their SHA-256 only, and looks callers up by key. */
@Service
public class ApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final ApiKeyRepository repo;

    public ApiKeys(ApiKeyRepository repo) {
        this.repo = repo;
    }

    /** A key and its stored row; the key itself is returned once and never stored. */
    public record Created(String key, ApiKey row) {}

    public static String newKey() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "yt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Created create(String name, String tenant, boolean admin) {
        String key = newKey();
        ApiKey row = repo.save(new ApiKey(tenant == null ? "t-" + UUID.randomUUID() : tenant, name, hash(key), prefix(key), admin));
        return new Created(key, row);
    }

    /** Stores a given key (YOLOTRAIN_API_KEY) unless its hash is there already. */
    @Transactional
    public ApiKey ensure(String key, String name, String tenant, boolean admin) {
        return repo.findByKeyHash(hash(key)).orElseGet(() -> repo.save(new ApiKey(tenant, name, hash(key), prefix(key), admin)));
    }

    @Transactional(readOnly = true)
    public Optional<Caller> authenticate(String key) {
        return repo.findByKeyHashAndRevokedAtIsNull(hash(key)).map(k -> new Caller(k.getTenant(), k.isAdmin(), k.getKeyPrefix()));
    }

    public boolean any() {
        return repo.count() > 0;
    }

    static String prefix(String key) {
        return key.substring(0, Math.min(8, key.length()));
    }
}
