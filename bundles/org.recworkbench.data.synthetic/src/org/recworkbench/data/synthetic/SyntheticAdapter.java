package org.recworkbench.data.synthetic;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetAdapter;

/**
 * The {@code synthetic} dataset adapter: generates data with {@link SyntheticGenerator}. Defaults give the
 * demo's size (6,000 users × 4,000 items × about 1M interactions).
 */
@Component(service = DatasetAdapter.class)
public class SyntheticAdapter implements DatasetAdapter {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofInt("users", 6000, 1, 100_000_000, "number of users"),
            ParameterDescriptor.ofInt("items", 4000, 2, 10_000_000, "number of items"),
            new ParameterDescriptor("interactions", org.recworkbench.api.ParameterType.LONG, 1_000_000L, 1.0,
                    2.0e9, null, "target number of interactions (about; each user has at least 2)"),
            ParameterDescriptor.ofInt("factors", 16, 1, 1024, "latent dimensions of the true preference model"),
            ParameterDescriptor.ofDouble("popularity-skew", 1.0, 0.0, 5.0,
                    "Zipf exponent of item popularity (0 = uniform)"),
            ParameterDescriptor.ofDouble("personalization", 2.0, 0.0, 20.0,
                    "weight of user-item affinity against popularity in choices"),
            ParameterDescriptor.ofInt("genres", 18, 1, 10_000, "number of item genres"),
            ParameterDescriptor.ofEnum("feedback", "explicit", List.of("explicit", "implicit"),
                    "1-5 ratings or implicit (value 1) feedback"),
            ParameterDescriptor.ofLong("seed", 42L, "generator seed"));

    @Override
    public String id() {
        return "synthetic";
    }

    @Override
    public String description() {
        return "Seeded latent-factor generator with long-tailed popularity, genres, prices and timestamps";
    }

    @Override
    public List<ParameterDescriptor> options() {
        return OPTIONS;
    }

    @Override
    public Dataset load(Map<String, ?> options, ProgressMonitor monitor) {
        Parameters p = Parameters.validate("dataset.options", OPTIONS, options);
        SyntheticGenerator.Config config = new SyntheticGenerator.Config(p.getInt("users"), p.getInt("items"),
                p.getLong("interactions"), p.getInt("factors"), p.getDouble("popularity-skew"),
                p.getDouble("personalization"), p.getInt("genres"), "explicit".equals(p.getString("feedback")),
                p.getLong("seed"));
        try {
            return SyntheticGenerator.generate(config, monitor);
        } catch (IllegalArgumentException e) {
            throw new org.recworkbench.api.InvalidSpecException("dataset.options", e.getMessage(), e);
        }
    }
}
