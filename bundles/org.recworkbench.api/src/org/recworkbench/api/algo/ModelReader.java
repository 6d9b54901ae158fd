package org.recworkbench.api.algo;

import java.io.DataInputStream;
import java.io.IOException;
import org.osgi.annotation.versioning.ConsumerType;
import org.recworkbench.api.compute.ComputeBackend;

/**
 * Implemented by a {@link Recommender} whose models are {@link PersistentModel}s: reads what
 * {@link PersistentModel#write} wrote.
 *
 * @since 1.1
 */
@ConsumerType
public interface ModelReader {

    /**
     * @param backend the compute backend the loaded model scores with
     * @throws IOException on a truncated or malformed stream
     */
    Model read(DataInputStream in, ComputeBackend backend) throws IOException;
}
