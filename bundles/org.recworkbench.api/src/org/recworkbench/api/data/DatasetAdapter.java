package org.recworkbench.api.data;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;
import org.recworkbench.api.DatasetFormatException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.ProgressMonitor;

/**
 * Reads one family of dataset formats (or generates data) into a {@link Dataset}. Registered as an OSGi
 * service; the engine finds it by {@link #id()}.
 *
 * <p>A load either returns a complete dataset or throws; it never leaves partial state behind.
 *
 * @since 1.0
 */
@ConsumerType
public interface DatasetAdapter {

    /** Short stable id used in spec files, e.g. {@code movielens}. */
    String id();

    /** One sentence for listings. */
    String description();

    /** The options {@link #load} accepts (e.g. {@code path}, {@code variant}). */
    List<ParameterDescriptor> options();

    /**
     * Loads the dataset.
     *
     * @param options raw option values, validated against {@link #options()}
     * @throws DatasetFormatException for malformed input, with file and line
     * @throws org.recworkbench.api.InvalidSpecException for bad options
     */
    Dataset load(Map<String, ?> options, ProgressMonitor monitor);
}
