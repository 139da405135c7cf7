package dev.yolotrain.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every /api/ call needs {@code Authorization: Bearer <key>}; the caller's tenant goes on the request. */
@Component
@Order(1)
public class ApiKeyFilter extends OncePerRequestFilter {
    private final ApiKeys keys;

    public ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
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
        }
        if (caller.isEmpty()) {
            res.setStatus(401);
            res.setHeader("WWW-Authenticate", "Bearer");
            res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            res.getWriter().write("{\"type\":\"https://yolotrain.dev/problems/unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"" + (auth == null ? "send the API key as 'Authorization: Bearer <key>'" : "unknown or revoked API key")
                    + "\",\"instance\":\"" + req.getRequestURI().replace("\"", "") + "\"}");
            return;
        }
        req.setAttribute(Caller.ATTRIBUTE, caller.get());
        chain.doFilter(req, res);
    }
}
