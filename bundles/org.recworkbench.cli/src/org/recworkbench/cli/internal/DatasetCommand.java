package org.recworkbench.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.recworkbench.api.RecWorkbenchException;
import org.recworkbench.data.fetch.DatasetFetcher;
import org.recworkbench.data.fetch.KnownDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code recwb dataset list|fetch}: the public datasets RecWorkbench knows how to download. */
@Command(name = "dataset", description = "List and download public datasets.",
        subcommands = {DatasetCommand.ListDatasets.class, DatasetCommand.Fetch.class})
final class DatasetCommand implements Runnable {
    private final PrintStream out;

    DatasetCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public void run() {
        out.println("usage: recwb dataset list | recwb dataset fetch NAME [--sha256 HEX] [--cache DIR] [--url URL]");
    }

    /** The download cache: $RECWB_CACHE, else ~/.cache/recworkbench/datasets. */
    static Path defaultCache() {
        String env = System.getenv("RECWB_CACHE");
        return env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "recworkbench", "datasets");
    }

    @Command(name = "list", description = "List the known datasets with their publisher URLs.")
    static final class ListDatasets implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        DatasetCommand parent;

        @Override
        public Integer call() {
            for (KnownDataset d : KnownDataset.CATALOGUE) {
                parent.out.printf("  %-22s %-10s %s%n      sha256 %s; %s%n", d.name(), d.adapter(), d.url(),
                        d.sha256() == null ? "not pinned (give --sha256)" : d.sha256(), d.licence());
            }
            return 0;
        }
    }

    @Command(name = "fetch", description = "Download a dataset into the cache, verify its SHA-256 and unpack it.")
    static final class Fetch implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        DatasetCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "a name from 'recwb dataset list'")
        String name;

        @Option(names = "--sha256", description = "expected SHA-256 of the archive (required where none is pinned)")
        String sha256;

        @Option(names = "--url", description = "download from this mirror instead of the publisher")
        String url;

        @Option(names = "--cache", description = "cache folder (default $RECWB_CACHE or ~/.cache/recworkbench)")
        Path cache;

        @Override
        public Integer call() {
            KnownDataset d = KnownDataset.find(name).orElseThrow(() -> new RecWorkbenchException("unknown dataset '"
                    + name + "'; see recwb dataset list"));
            String hash = sha256 != null ? sha256 : d.sha256();
            if (hash == null) {
                throw new RecWorkbenchException("no SHA-256 is pinned for " + name
                        + " yet: check the archive's digest and pass it with --sha256");
            }
            Path folder = new DatasetFetcher(cache != null ? cache : defaultCache()).fetch(d.name(),
                    url != null ? url : d.url(), hash, d.folder());
            parent.out.println(folder);
            parent.out.printf("dataset: {adapter: %s, options: {path: %s}}%n", d.adapter(), folder);
            return 0;
        }
    }
}
