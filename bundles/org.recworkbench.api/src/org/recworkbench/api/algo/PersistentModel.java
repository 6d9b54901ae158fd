package org.recworkbench.api.algo;

import java.io.DataOutputStream;
import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A model that can be saved: it writes everything scoring needs, and the {@link ModelReader} of the
 * recommender that trained it reads it back into a model that scores identically. The engine adds a header
 * (format version, recommender id, parameters) around what {@link #write} produces.
 *
 * @since 1.1
 */
@ConsumerType
public interface PersistentModel extends Model {

    /** Writes the model's state (not its header). */
    void write(DataOutputStream out) throws IOException;
}
