package dev.yolotrain.service.api;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as RFC 9457 problem+json; bad input is always a 4xx naming the problem, never a stack trace. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    static final String TYPE_BASE = "https://yolotrain.dev/problems/";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        p.setType(URI.create(TYPE_BASE + e.type()));
        p.setTitle(title(e.type()));
        e.properties().forEach(p::setProperty);
        return ResponseEntity.status(e.status()).body(p);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        return api(ApiException.badRequest("invalid-request", e.getMessage()));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException || e.getMessage() != null && e.getMessage().contains("size")) {
            return api(new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large",
                    "the upload is larger than the server accepts (spring.servlet.multipart.max-file-size)"));
        }
        return api(ApiException.badRequest("invalid-multipart", "not a valid multipart/form-data request: " + e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("unexpected error", e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal error (" + e.getClass().getSimpleName() + "); see the server log");
        p.setType(URI.create(TYPE_BASE + "internal"));
        return ResponseEntity.internalServerError().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> r = super.handleExceptionInternal(ex, body, headers, status, request);
        if (r != null && r.getBody() instanceof ProblemDetail p && ex.getMessage() != null && status.is4xxClientError()) {
            // Spring's generic details ("Failed to read request") hide the cause; say which field or value it was.
            p.setDetail(ex.getMessage().replaceAll("\\s+", " "));
        }
        return r;
    }

    private static String title(String type) {
        String t = type.replace('-', ' ');
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
