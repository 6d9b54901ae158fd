package org.recworkbench.report;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import org.recworkbench.core.result.ExperimentResult;

/**
 * Writes one kind of report of a finished run into an output folder. Registered as a service; the command
 * line and the desktop call every registered writer. A writer either writes all its files or none (files
 * are written aside and moved into place).
 */
@ConsumerType
public interface ReportWriter {

    /** Short id, e.g. {@code csv}. */
    String id();

    /** Writes the report and returns the files written. */
    List<Path> write(ExperimentResult result, Path folder);
}
