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
     * The catalogue. This build machine has no internet access, so the SHA-256 values could not be computed
     * here; they are the digests other projects publish for the same URLs, each from the source named:
     * <ul>
     * <li>ml-100k, ml-1m, ml-20m, ml-25m, ml-latest-small: TensorFlow Datasets,
     * {@code tensorflow_datasets/url_checksums/movielens.txt} (ml-latest-small is re-issued by GroupLens from
     * time to time: a newer archive fails verification; pass its digest with {@code --sha256});</li>
     * <li>ml-32m: the digest the Rust crate of a MovieLens downloader pins (its md5,
     * {@code d472be332d4daa821edc399621853b57}, matches the one GroupLens publishes next to the archive);</li>
     * <li>hetrec2011-lastfm-2k: OmniRec's data loader registry ({@code HetrecLastFM}).</li>
     * </ul>
     * ml-10m has no published digest that could be found: {@code recwb dataset fetch} asks for {@code --sha256}.
     */
    public static final List<KnownDataset> CATALOGUE = List.of(
            new KnownDataset("ml-100k", GROUPLENS + "movielens/ml-100k.zip",
                    "50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229", "movielens", "ml-100k",
                    ML_TERMS),
            new KnownDataset("ml-1m", GROUPLENS + "movielens/ml-1m.zip",
                    "a6898adb50b9ca05aa231689da44c217cb524e7ebd39d264c56e2832f2c54e20", "movielens", "ml-1m",
                    ML_TERMS),
            new KnownDataset("ml-10m", GROUPLENS + "movielens/ml-10m.zip", null, "movielens", "ml-10M100K",
                    ML_TERMS),
            new KnownDataset("ml-20m", GROUPLENS + "movielens/ml-20m.zip",
                    "96f243c338a8665f6bcc89c53edf6ee39162a846940de6b7c8c48aeada765ff3", "movielens", "ml-20m",
                    ML_TERMS),
            new KnownDataset("ml-25m", GROUPLENS + "movielens/ml-25m.zip",
                    "8b21cfb7eb1706b4ec0aac894368d90acf26ebdfb6aced3ebd4ad5bd1eb9c6aa", "movielens", "ml-25m",
                    ML_TERMS),
            new KnownDataset("ml-32m", GROUPLENS + "movielens/ml-32m.zip",
                    "e4a68655d7386b8f95f2f2424b2ff975dfdd15ffd59e0d864a14dca43e99d6ee", "movielens", "ml-32m",
                    ML_TERMS),
            new KnownDataset("ml-latest-small", GROUPLENS + "movielens/ml-latest-small.zip",
                    "696d65a3dfceac7c45750ad32df2c259311949efec81f0f144fdfb91ebc9e436", "movielens",
                    "ml-latest-small", ML_TERMS),
            new KnownDataset("hetrec2011-lastfm-2k", GROUPLENS + "hetrec2011/hetrec2011-lastfm-2k.zip",
                    "6738f48195667ff03caaab4d32ca9a3133d8cc026b7c3cdaf6ce1010e913c59c", "lastfm", ".",
                    "non-commercial research use (HetRec 2011 terms)"));

    public static Optional<KnownDataset> find(String name) {
        return CATALOGUE.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
