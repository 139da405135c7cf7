package dev.yolotrain.engine.data.loader;

/**
 * Where an image's pixels went in a non-mosaic sample, to map predictions back to the original image:
 * original = (output − pad) / gain.
 *
 * @param height0 original (upright) height
 * @param width0 original width
 * @param gainH total vertical scale (load resize × letterbox ratio)
 * @param gainW total horizontal scale
 * @param padW left padding in output pixels
 * @param padH top padding in output pixels
 */
public record ImageShape(int height0, int width0, double gainH, double gainW, double padW, double padH) {}
