package dev.yolotrain.engine.checkpoint;

import dev.yolotrain.engine.io.HostTensor;
import dev.yolotrain.engine.io.TensorFile;
import dev.yolotrain.engine.io.TensorFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * Starting weights for {@code --weights}: our checkpoint (its EMA) or a state dict exported from
 * YOLOv5 as .safetensors / .npz (config_document/ckpt_yolov5_v4/README.md says how).
 *
 * @param stateDict tensors by YOLOv5 name
 * @param checkpoint the full checkpoint when the file is ours, else null
 */
public record WeightsFile(LinkedHashMap<String, HostTensor> stateDict, Checkpoint checkpoint) {

    public static WeightsFile read(Path file) {
        TensorFile f = TensorFiles.read(file);
        if (CheckpointFile.isCheckpoint(f)) {
            Checkpoint c = CheckpointFile.fromFile(f);
            return new WeightsFile(c.weightsForTransfer(), c);
        }
        return new WeightsFile(f.tensors(), null);
    }
}
