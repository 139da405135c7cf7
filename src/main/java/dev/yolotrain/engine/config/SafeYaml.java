package dev.yolotrain.engine.config;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The one way YAML is read and written. Reading: standard types only (no global tags, no Java objects), duplicate
 * keys refused, bounded aliases and size, so a hostile file cannot build objects or blow up memory.
 */
public final class SafeYaml {
    private SafeYaml() {}

    public static Yaml loader(int maxAliases, int maxChars) {
        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(false);
        opts.setAllowRecursiveKeys(false);
        opts.setMaxAliasesForCollections(maxAliases);
        opts.setCodePointLimit(maxChars);
        return new Yaml(new SafeConstructor(opts));
    }

    /** Writes YAML in block style, as YOLOv5's files look (hyp.yaml, opt.yaml, data.yaml, model yml). */
    public static Yaml dumper() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(o);
    }
}
