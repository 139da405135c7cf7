/*
 * JPEG decoding for the training loader through libjpeg-turbo's libjpeg API, linked from the system.
 * Why not OpenCV's imdecode: the OpenCV build on Maven Central decodes about 4x slower than the
 * system libjpeg-turbo, allocates a new image per call, and cannot decode only part of an image.
 * A mosaic uses about a third of its four images' pixels, so decoding just those rows and columns,
 * straight into the canvas, saves most of the work. Errors (and any libjpeg warning, e.g. a truncated
 * file) are reported as a negative result; the Java side then decodes with OpenCV, which names the problem.
 */
#include <jni.h>
#include <jpeglib.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct guard {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
};

static void on_error(j_common_ptr c) {
    longjmp(((struct guard *) c->err)->jump, 1);
}

static void on_message(j_common_ptr c, int level) {
    if (level < 0) { /* a warning (e.g. premature end of data): counted, checked by the caller; nothing printed */
        c->err->num_warnings++;
    }
}

static void quiet(j_common_ptr c) {
    (void) c;
}

#define ERR_CORRUPT (-1)
#define ERR_SIZE (-2)
#define ERR_ARGS (-3)
#define ERR_MEMORY (-4)

/* Decodes rows [y, y+h) and columns [x, x+w) of a width x height JPEG as BGR into dst (row stride dstStep). */
static int decode_region(const unsigned char *data, unsigned long len, unsigned char *dst, long dstStep,
                         int width, int height, int x, int y, int w, int h, int *outSize) {
    struct jpeg_decompress_struct c;
    struct guard err;
    unsigned char *volatile row = NULL;
    int volatile rc = 0;
    c.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = on_error;
    err.pub.emit_message = on_message;
    err.pub.output_message = quiet;
    if (setjmp(err.jump)) {
        free(row);
        jpeg_destroy_decompress(&c);
        return ERR_CORRUPT;
    }
    jpeg_create_decompress(&c);
    jpeg_mem_src(&c, data, len);
    jpeg_read_header(&c, TRUE);
    if (outSize != NULL) { /* header only */
        outSize[0] = (int) c.image_width;
        outSize[1] = (int) c.image_height;
        jpeg_destroy_decompress(&c);
        return 0;
    }
    if ((int) c.image_width != width || (int) c.image_height != height) {
        jpeg_destroy_decompress(&c);
        return ERR_SIZE;
    }
    if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > width || y + h > height) {
        jpeg_destroy_decompress(&c);
        return ERR_ARGS;
    }
    c.out_color_space = JCS_EXT_BGR;
    jpeg_start_decompress(&c);
    /* Keep a margin of one iMCU around the wanted columns and rows, so that the wanted pixels never sit on
     * the edge of the decoded crop, where chroma upsampling would lack the neighbours a full decode has. */
    int mcuW = c.max_h_samp_factor * DCTSIZE;
    int mcuH = c.max_v_samp_factor * DCTSIZE;
    JDIMENSION cx = (JDIMENSION) (x > mcuW ? x - mcuW : 0);
    int right = x + w + mcuW < width ? x + w + mcuW : width;
    JDIMENSION cw = (JDIMENSION) right - cx;
    if (cx > 0 || (int) cw < width) {
        jpeg_crop_scanline(&c, &cx, &cw);
    }
    row = malloc((size_t) cw * 3);
    if (row == NULL) {
        jpeg_destroy_decompress(&c);
        return ERR_MEMORY;
    }
    int first = y > mcuH ? y - mcuH : 0;
    if (first > 0) {
        jpeg_skip_scanlines(&c, (JDIMENSION) first);
    }
    JSAMPROW rows[1] = {row};
    while ((int) c.output_scanline < y + h) {
        int line = (int) c.output_scanline;
        if (jpeg_read_scanlines(&c, rows, 1) != 1) {
            rc = ERR_CORRUPT;
            break;
        }
        if (line >= y) {
            memcpy(dst + (long) (line - y) * dstStep, row + (size_t) (x - (int) cx) * 3, (size_t) w * 3);
        }
    }
    if (rc == 0 && err.pub.num_warnings > 0) {
        rc = ERR_CORRUPT;
    }
    free(row);
    row = NULL;
    jpeg_abort_decompress(&c);
    jpeg_destroy_decompress(&c);
    return rc;
}

JNIEXPORT jint JNICALL Java_dev_yolotrain_engine_data_JpegTurbo_nSize(JNIEnv *env, jclass cls, jbyteArray data,
                                                                      jint len, jintArray out) {
    (void) cls;
    int size[2];
    jbyte *bytes = (*env)->GetPrimitiveArrayCritical(env, data, NULL);
    if (bytes == NULL) {
        return ERR_MEMORY;
    }
    int rc = decode_region((unsigned char *) bytes, (unsigned long) len, NULL, 0, 0, 0, 0, 0, 0, 0, size);
    (*env)->ReleasePrimitiveArrayCritical(env, data, bytes, JNI_ABORT);
    if (rc == 0) {
        (*env)->SetIntArrayRegion(env, out, 0, 2, size);
    }
    return rc;
}

JNIEXPORT jint JNICALL Java_dev_yolotrain_engine_data_JpegTurbo_nDecode(JNIEnv *env, jclass cls, jbyteArray data,
                                                                        jint len, jlong dst, jlong dstStep,
                                                                        jint width, jint height, jint x, jint y,
                                                                        jint w, jint h) {
    (void) cls;
    jbyte *bytes = (*env)->GetPrimitiveArrayCritical(env, data, NULL);
    if (bytes == NULL) {
        return ERR_MEMORY;
    }
    int rc = decode_region((unsigned char *) bytes, (unsigned long) len, (unsigned char *) (intptr_t) dst,
                           (long) dstStep, width, height, x, y, w, h, NULL);
    (*env)->ReleasePrimitiveArrayCritical(env, data, bytes, JNI_ABORT);
    return rc;
}
