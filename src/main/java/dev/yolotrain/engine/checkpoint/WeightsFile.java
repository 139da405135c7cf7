package dev.yolotrain.engine.checkpoint;

import dev.yolotrain.engine.io.HostTensor;
import dev.yolotrain.engine.io.TensorFile;
import dev.yolotrain.engine.io.TensorFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * Starting weights for {@code --weights}: our checkpoint (its EMA), a YOLOv5 .pt ({@link PtCheckpoint}), or a
 * state dict as .safetensors / .npz (config_document/ckpt_yolov5_v4/README.md says how to export one).
 *
 * @param stateDict tensors by YOLOv5 name
 * @param checkpoint the full checkpoint when the file is ours, else null
 * @param cfgYaml the architecture that came with the weights (ours or a .pt's model yaml), else null
 */
public record WeightsFile(LinkedHashMap<String, HostTensor> stateDict, Checkpoint checkpoint, String cfgYaml) {

    public static WeightsFile read(Path file) {
        if (TensorFiles.isTorchArchive(file)) {
            PtCheckpoint pt = PtCheckpoint.read(file);
            return new WeightsFile(pt.stateDict(), null, pt.cfgYaml());
        }
        TensorFile f = TensorFiles.read(file);
        if (CheckpointFile.isCheckpoint(f)) {
            Checkpoint c = CheckpointFile.fromFile(f);
            return new WeightsFile(c.weightsForTransfer(), c, c.cfgYaml());
        }
        return new WeightsFile(f.tensors(), null, null);
    }
}
