package org.recworkbench.data.fetch;

import java.util.List;
import java.util.Optional;

/**
 * A public dataset archive: its publisher's URL, the SHA-256 of the archive (null where it has not been
 * pinned yet: then the user must give one), the adapter that reads it and the folder inside the archive
 * that the adapter's {@code path} option points at.
 */
public record KnownDataset(String name, String url, String sha256, String adapter, String folder,
        String licence) {

    private static final String GROUPLENS = "https://files.grouplens.org/datasets/";
    private static final String ML_TERMS = "research use; see the README in the archive (GroupLens terms)";

    /**
     * The catalogue. SHA-256 values are pinned from archives verified by hand; this build machine had no
     * internet access, so none is pinned yet and {@code recwb dataset fetch} asks for {@code --sha256}.
     */
    public static final List<KnownDataset> CATALOGUE = List.of(
            new KnownDataset("ml-100k", GROUPLENS + "movielens/ml-100k.zip", null, "movielens", "ml-100k", ML_TERMS),
            new KnownDataset("ml-1m", GROUPLENS + "movielens/ml-1m.zip", null, "movielens", "ml-1m", ML_TERMS),
            new KnownDataset("ml-10m", GROUPLENS + "movielens/ml-10m.zip", null, "movielens", "ml-10M100K",
                    ML_TERMS),
            new KnownDataset("ml-20m", GROUPLENS + "movielens/ml-20m.zip", null, "movielens", "ml-20m", ML_TERMS),
            new KnownDataset("ml-25m", GROUPLENS + "movielens/ml-25m.zip", null, "movielens", "ml-25m", ML_TERMS),
            new KnownDataset("ml-32m", GROUPLENS + "movielens/ml-32m.zip", null, "movielens", "ml-32m", ML_TERMS),
            new KnownDataset("ml-latest-small", GROUPLENS + "movielens/ml-latest-small.zip", null, "movielens",
                    "ml-latest-small", ML_TERMS),
            new KnownDataset("hetrec2011-lastfm-2k", GROUPLENS + "hetrec2011/hetrec2011-lastfm-2k.zip", null,
                    "lastfm", ".", "non-commercial research use (HetRec 2011 terms)"));

    public static Optional<KnownDataset> find(String name) {
        return CATALOGUE.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
