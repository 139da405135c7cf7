package dev.yolotrain.service.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Tickets for one job's event stream, for clients that cannot send an Authorization header (a browser's
 * EventSource): random, valid for {@link #LIFETIME}, read-only for that one job, stored as SHA-256 in
 * PostgreSQL so that any API replica accepts them.
 */
@Service
public class StreamTickets {
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcTemplate jdbc;

    public StreamTickets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new ticket and its expiry. */
    public record Ticket(String ticket, Instant expiresAt) {}

    /** Issues a ticket for {@code caller} to read job {@code jobId}'s events (the caller must own the job). */
    public Ticket issue(Caller caller, UUID jobId) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String ticket = "ys_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Instant expires = Instant.now().plus(LIFETIME);
        jdbc.update("DELETE FROM stream_ticket WHERE expires_at < now()");
        jdbc.update("INSERT INTO stream_ticket (ticket_hash, job_id, tenant, admin, key_prefix, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                ApiKeys.hash(ticket), jobId, caller.tenant(), caller.admin(), caller.keyPrefix(), Timestamp.from(expires));
        return new Ticket(ticket, expires);
    }

    /** The caller a ticket stands for, when it is known, unexpired and issued for this job. */
    public Optional<Caller> authenticate(String ticket, UUID jobId) {
        List<Caller> found = jdbc.query(
                "SELECT tenant, admin, key_prefix FROM stream_ticket WHERE ticket_hash = ? AND job_id = ? AND expires_at > now()",
                (rs, i) -> new Caller(rs.getString(1), rs.getBoolean(2), rs.getString(3)), ApiKeys.hash(ticket), jobId);
        return found.stream().findFirst();
    }
}
