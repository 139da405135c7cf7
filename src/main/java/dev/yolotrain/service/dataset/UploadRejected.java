package dev.yolotrain.service.dataset;

import dev.yolotrain.service.api.ApiException;
import org.springframework.http.HttpStatus;

/** Why an upload was refused (problem type and HTTP status chosen by the check that failed). */
public final class UploadRejected {
    private UploadRejected() {}

    public static ApiException notZip(String detail) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-zip", detail);
    }

    public static ApiException corrupt(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "corrupt-zip", detail);
    }

    public static ApiException unsafeEntry(String entry, String why) {
        return new ApiException(HttpStatus.BAD_REQUEST, "unsafe-zip-entry", "zip entry '" + entry + "' " + why)
                .with("entry", entry);
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "archive-too-large", detail);
    }

    public static ApiException zipBomb(String entry, String detail) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "zip-bomb", detail).with("entry", entry);
    }

    public static ApiException invalidDataset(String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-dataset", detail);
    }
}
