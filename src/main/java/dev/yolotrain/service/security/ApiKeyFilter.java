package dev.yolotrain.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every /api/ call needs {@code Authorization: Bearer <key>}; the caller's tenant goes on the request. The one
 * exception: a job's event stream also takes {@code ?ticket=} from {@link StreamTickets} (browsers' EventSource
 * sends no headers).
 */
@Component
@Order(1)
public class ApiKeyFilter extends OncePerRequestFilter {
    private static final Pattern EVENTS = Pattern.compile("/api/v1/jobs/([0-9a-fA-F-]{36})/events");
    private final ApiKeys keys;
    private final StreamTickets tickets;

    public ApiKeyFilter(ApiKeys keys, StreamTickets tickets) {
        this.keys = keys;
        this.tickets = tickets;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String auth = req.getHeader("Authorization");
        Optional<Caller> caller = Optional.empty();
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            caller = keys.authenticate(auth.substring(7).strip());
        } else if (auth == null && req.getParameter("ticket") != null && "GET".equals(req.getMethod())) {
            caller = ticketCaller(req);
        }
        if (caller.isEmpty()) {
            res.setStatus(401);
            res.setHeader("WWW-Authenticate", "Bearer");
            res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            res.getWriter().write("{\"type\":\"https://yolotrain.dev/problems/unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"" + (auth != null ? "unknown or revoked API key" : req.getParameter("ticket") != null
                    ? "unknown or expired stream ticket, or one for another job" : "send the API key as 'Authorization: Bearer <key>'")
                    + "\",\"instance\":\"" + req.getRequestURI().replace("\"", "") + "\"}");
            return;
        }
        req.setAttribute(Caller.ATTRIBUTE, caller.get());
        chain.doFilter(req, res);
    }

    private Optional<Caller> ticketCaller(HttpServletRequest req) {
        Matcher m = EVENTS.matcher(req.getRequestURI());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return tickets.authenticate(req.getParameter("ticket"), UUID.fromString(m.group(1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
