package dev.yolotrain.engine.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns the per-image scan entries of a split into its {@link SplitReport}, applying the class-id check. */
final class SplitSummary {

    private SplitSummary() {}

    static SplitReport failed(String name, List<Path> sources, int nc, Problem fatal) {
        return new SplitReport(name, sources, 0, 0, 0, 0, List.of(), List.of(), new int[nc], List.of(),
                List.of(fatal), List.of(), null, false);
    }

    static SplitReport of(String name, List<Path> sources, int nc, List<ScanEntry> entries, List<String> warnings,
            Path cacheFile, boolean fromCache) {
        int labelsFound = 0;
        int missing = 0;
        int empty = 0;
        int labeled = 0;
        int[] instances = new int[nc];
        List<Problem> corrupt = new ArrayList<>();
        List<DuplicateRows> duplicates = new ArrayList<>();
        List<LabeledImage> images = new ArrayList<>();
        List<Problem> fatal = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ScanEntry e : entries) {
            if (e.labelExists()) {
                labelsFound++;
            }
            if (e.maxClass() >= nc) {
                fatal.add(new Problem(e.image(), e.label(), "class id " + e.maxClass() + " is not below nc=" + nc
                        + " (valid ids are 0-" + (nc - 1) + ")"));
            }
            switch (e.kind()) {
                case CORRUPT -> corrupt.add(new Problem(e.image(), e.problemFile(), e.reason()));
                case MISSING -> missing++;
                case EMPTY -> empty++;
                case LABELED -> labeled++;
            }
            if (e.kind() == ScanEntry.Kind.CORRUPT) {
                continue;
            }
            if (e.duplicates() > 0) {
                duplicates.add(new DuplicateRows(e.label(), e.duplicates()));
                notes.add(e.label() + ": " + e.duplicates() + " duplicate row" + (e.duplicates() == 1 ? "" : "s") + " removed");
            }
            if (e.maxClass() < nc) {
                for (float[] b : e.boxes()) {
                    instances[(int) b[0]]++;
                }
            }
            images.add(new LabeledImage(e.image(), e.label(), e.width(), e.height(), e.boxes()));
        }
        if (name.equals("train") && labeled == 0) {
            Path labels = entries.get(0).label().getParent();
            fatal.add(new Problem(null, labels, "train: no labels found in " + labels + " for " + entries.size()
                    + " images; training needs at least one labelled image"));
        }
        notes.addAll(warnings);
        return new SplitReport(name, sources, entries.size(), labelsFound, missing, empty, corrupt, duplicates,
                instances, images, fatal, notes, cacheFile, fromCache);
    }
}
