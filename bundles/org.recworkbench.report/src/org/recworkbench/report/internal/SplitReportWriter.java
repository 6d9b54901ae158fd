package org.recworkbench.report.internal;

import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.Split;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.report.AtomicFiles;
import org.recworkbench.report.ReportWriter;

/**
 * {@code split.tsv}: the run's train/test assignment with external ids, which the {@code saved} splitter reads
 * back so later runs evaluate on exactly the same split.
 */
@Component(service = ReportWriter.class)
public class SplitReportWriter implements ReportWriter {

    @Override
    public String id() {
        return "split";
    }

    @Override
    public List<Path> write(ExperimentResult result, Path folder) {
        Split split = result.splitData();
        Dataset d = split.dataset();
        return List.of(AtomicFiles.write(folder.resolve("split.tsv"), out -> {
            out.write("user\titem\ttimestamp\tset\n");
            writeRows(out, d, split.train(), "train");
            writeRows(out, d, split.test(), "test");
        }));
    }

    private static void writeRows(java.io.Writer out, Dataset d, Interactions x, String set) throws java.io.IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < x.size(); i++) {
            sb.setLength(0);
            sb.append(d.users().id(x.users()[i])).append('\t').append(d.items().id(x.items()[i])).append('\t')
                    .append(x.timestamp(i)).append('\t').append(set).append('\n');
            out.write(sb.toString());
        }
    }
}
