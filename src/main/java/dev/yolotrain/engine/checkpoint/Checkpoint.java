package dev.yolotrain.engine.checkpoint;

import dev.yolotrain.engine.io.HostTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to resume or reuse a training run, keyed by YOLOv5 state_dict names.
 *
 * @param cfgYaml the model yml text, so the architecture travels with the weights
 * @param names class names
 * @param model the trained weights and buffers (not the EMA)
 * @param ema the EMA weights and buffers (what validation and best/last serve), or null
 * @param emaUpdates EMA update count (its decay ramps with it)
 * @param optimizerName SGD, Adam or AdamW
 * @param optimizer optimizer state, keys {@code <parameter name>/<state name>}; empty when stripped
 * @param epoch last completed epoch (0-based), -1 when none
 * @param bestFitness best fitness so far
 * @param hyp hyperparameters as used
 * @param options train options as used
 * @param resultsCsv results.csv so far
 * @param state the loop's position and pending gradients, for an exact resume; null in stripped and older files
 */
public record Checkpoint(
        String cfgYaml,
        List<String> names,
        LinkedHashMap<String, HostTensor> model,
        LinkedHashMap<String, HostTensor> ema,
        long emaUpdates,
        String optimizerName,
        LinkedHashMap<String, HostTensor> optimizer,
        int epoch,
        double bestFitness,
        Map<String, Object> hyp,
        Map<String, Object> options,
        String resultsCsv,
        TrainState state) {

    /** The weights another run should start from: the EMA when there is one (as YOLOv5 does). */
    public LinkedHashMap<String, HostTensor> weightsForTransfer() {
        return ema != null && !ema.isEmpty() ? ema : model;
    }

    /** A copy without optimizer state, for a final best/last that is only used for inference or transfer. */
    public Checkpoint stripped() {
        return new Checkpoint(cfgYaml, names, model, ema, emaUpdates, optimizerName, new LinkedHashMap<>(), epoch,
                bestFitness, hyp, options, resultsCsv, null);
    }
}
