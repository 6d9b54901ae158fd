package org.recworkbench.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.OperationCanceledException;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.ProgressMonitor;
import org.recworkbench.api.algo.Model;
import org.recworkbench.api.algo.Recommender;
import org.recworkbench.api.algo.TrainingContext;
import org.recworkbench.api.algo.Validation;
import org.recworkbench.api.compute.ComputeBackend;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetAdapter;
import org.recworkbench.api.data.DatasetFilter;
import org.recworkbench.api.data.Interactions;
import org.recworkbench.api.data.Split;
import org.recworkbench.api.data.Splitter;
import org.recworkbench.api.metrics.Metric;
import org.recworkbench.api.metrics.EvaluationContext;
import org.recworkbench.api.metrics.Relevance;
import org.recworkbench.core.DatasetStatistics;
import org.recworkbench.core.ExperimentRunner;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.RunListener;
import org.recworkbench.core.result.AlgorithmResult;
import org.recworkbench.core.result.AlgorithmResult.Status;
import org.recworkbench.core.result.ExperimentResult;
import org.recworkbench.core.result.SearchLog;
import org.recworkbench.core.spec.AlgorithmSpec;
import org.recworkbench.core.spec.DatasetSpec;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.core.spec.FilterSpec;
import org.recworkbench.core.spec.ProtocolSpec;
import org.recworkbench.core.spec.SplitSpec;

/**
 * The offline experiment pipeline. Everything the spec names is resolved and validated before any data is
 * read, so a typo fails in milliseconds with the field named.
 */
@Component(service = ExperimentRunner.class)
public class DefaultExperimentRunner implements ExperimentRunner {

    private final PluginRegistry registry;

    @Activate
    public DefaultExperimentRunner(@Reference PluginRegistry registry) {
        this.registry = registry;
    }

    /**
     * An algorithm resolved against the registry, with validated parameters; with a search, its candidates and
     * the metric that judges them (null without).
     */
    private record Planned(AlgorithmSpec spec, Recommender recommender, Parameters params, List<Parameters> candidates,
            Metric searchMetric, java.time.Duration timeout) {
    }

    /**
     * One evaluation target: held-out interactions, the interactions the model was shown (excluded from its
     * lists under the protocol), the relevance derived from the held-out part, and the metric context.
     */
    private record Target(Interactions seen, Interactions heldOut, Relevance[] relevance,
            EvaluationContext context) {
        static Target of(Dataset dataset, Split split, ProtocolSpec protocol, int listLength) {
            return new Target(split.train(), split.test(), DefaultExperimentRunner.relevance(split.test(), protocol),
                    DefaultExperimentRunner.context(dataset, split, listLength));
        }
    }

    @Override
    public ExperimentResult run(ExperimentSpec spec, RunListener listener, ProgressMonitor monitor) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        spec.validate();
        // resolve everything first
        DatasetAdapter adapter = adapter(spec.dataset());
        List<DatasetFilter> filters = filters(spec.filters());
        Splitter splitter = splitter("split", spec.split());
        Splitter validationSplitter = spec.split().validation() == null ? null
                : splitter("split.validation", spec.split().validation());
        MetricResolver resolver = new MetricResolver(registry.metricSets(), spec.metricOptions());
        List<Planned> planned = plan(spec, resolver);
        List<Metric> metrics = resolver.resolve(spec.metrics());
        checkBackendInstalled(spec.backend());
        List<Metric> all = new ArrayList<>(metrics);
        planned.stream().filter(p -> p.searchMetric() != null).forEach(p -> all.add(p.searchMetric()));
        int listLength = all.stream().mapToInt(m -> m.descriptor().cutoff()).max().orElse(10);
        if (all.stream().anyMatch(m -> m.descriptor().cutoff() == 0)) {
            listLength = Math.max(listLength, 100);
        }

        listener.onEvent(new RunListener.StageStarted("load"));
        Dataset dataset = load(adapter, spec.dataset(), monitor);
        dataset.warnings().values().forEach(w -> listener.onEvent(new RunListener.DataWarning(w)));
        listener.onEvent(new RunListener.StageStarted("filter"));
        dataset = applyFilters(dataset, filters, spec.filters());
        listener.onEvent(new RunListener.StageStarted("split"));
        monitor.checkCanceled();
        Split split = splitter.split(dataset, spec.split().options(), spec.seed());
        ProtocolSpec protocol = spec.protocol();
        Target test = Target.of(dataset, split, protocol, listLength);
        // a validation part carved from train (seed + 1): models are fit on the rest of train
        Split validationSplit = validationSplitter == null ? null : validationSplitter.split(
                dataset.withInteractions(split.train()), spec.split().validation().options(), spec.seed() + 1);
        Target validation = validationSplit == null ? null : Target.of(dataset, validationSplit, protocol,
                listLength);
        Interactions fitOn = validationSplit == null ? split.train() : validationSplit.train();
        Dataset trainView = dataset.withInteractions(fitOn);
        EvaluationContext context = test.context();
        NegativeSampler sampler = !protocol.sampled() ? null : new NegativeSampler(protocol.negatives(), spec.seed(),
                ProtocolSpec.SAMPLED_POPULARITY.equals(protocol.type()) ? split.train().itemCounts() : null);
        // auto: chosen when a model first calls a kernel; a named backend: checked now, before any fitting
        AutoBackend auto = "auto".equals(spec.backend()) ? new AutoBackend(registry::backends) : null;
        ComputeBackend backend = auto != null ? auto : backend(spec.backend());
        FullRankingEvaluator evaluator = new FullRankingEvaluator(backend, spec.threads(), sampler);

        List<AlgorithmResult> results = new ArrayList<>();
        boolean canceled = false;
        for (Planned p : planned) {
            AlgorithmResult r;
            if (canceled) {
                r = AlgorithmResult.failed(p.spec().label(), p.spec().id(), p.params().asMap(), Status.CANCELED,
                        "run canceled", 0, 0);
            } else {
                listener.onEvent(new RunListener.AlgorithmStarted(p.spec().label()));
                r = p.timeout() == null
                        ? runOne(p, trainView, fitOn, test, validation, metrics, spec, evaluator, listener, monitor)
                        : AlgorithmTimeout.run(p.spec().label(), p.timeout(), listener, monitor,
                                (gatedListener, timedMonitor) -> runOne(p, trainView, fitOn, test, validation, metrics,
                                        spec, evaluator, gatedListener, timedMonitor),
                                reason -> AlgorithmResult.failed(p.spec().label(), p.spec().id(), p.params().asMap(),
                                        Status.FAILED, reason, p.timeout().toMillis() / 1e3, 0));
                canceled = r.status() == Status.CANCELED;
            }
            String notice = auto == null ? null : auto.takeNotice();
            if (notice != null) {
                listener.onEvent(new RunListener.Notice(notice));
            }
            results.add(r);
            listener.onEvent(new RunListener.AlgorithmFinished(r));
        }
        int testUsers = context.evaluatedUsers();
        String backendId = auto != null ? auto.chosenId() : backend.id();
        String splitDescription = split.description() + (validationSplit == null ? ""
                : "; validation carved from train: " + validationSplit.description());
        return new ExperimentResult(spec, DatasetStatistics.of(dataset), splitDescription, protocol.label(),
                fitOn.size(), split.test().size(), testUsers,
                validationSplit == null ? 0 : validationSplit.test().size(), backendId,
                metrics.stream().map(m -> m.descriptor().id()).toList(), results, dataset.users(), started,
                (System.nanoTime() - t0) / 1e9, split);
    }

    private Splitter splitter(String field, SplitSpec split) {
        return registry.splitter(split.method()).orElseThrow(() -> new InvalidSpecException(field + ".method",
                "unknown split method '" + split.method() + "'; available: "
                        + ids(registry.splitters().stream().map(Splitter::id).toList())));
    }

    private AlgorithmResult runOne(Planned p, Dataset trainView, Interactions fitOn, Target test, Target validation,
            List<Metric> metrics, ExperimentSpec spec, FullRankingEvaluator evaluator, RunListener listener,
            ProgressMonitor monitor) {
        String label = p.spec().label();
        double fitSeconds = 0;
        Parameters params = p.params();
        SearchLog search = null;
        try {
            TrainingContext training = new TrainingContext(trainView, spec.seed(), monitor, evaluator.backend(),
                    spec.threads(), validation == null ? null
                            : validationFor(p, validation, metrics, spec, evaluator, monitor, label));
            if (p.searchMetric() != null) {
                search = search(p, training, fitOn, validation, spec, evaluator, listener, monitor);
                params = Parameters.validate("algorithms", p.recommender().descriptor().parameters(),
                        search.chosen());
            }
            listener.onEvent(new RunListener.StageStarted("fit:" + label));
            long t0 = System.nanoTime();
            Model model = p.recommender().fit(training, fitOn, params);
            fitSeconds = (System.nanoTime() - t0) / 1e9;
            listener.onEvent(new RunListener.ModelFitted(label, p.spec().id(), params.asMap(), model));
            if (!registry.isRegistered(p.recommender())) {
                throw new PluginRemovedException("plugin of '" + label + "' was uninstalled during the run");
            }
            listener.onEvent(new RunListener.StageStarted("evaluate:" + label));
            long t1 = System.nanoTime();
            FullRankingEvaluator.Outcome outcome = evaluate(evaluator, model, test, metrics, spec, monitor, p, label);
            Map<String, Double> validationAggregates = validation == null ? Map.of()
                    : aggregates(metrics, evaluate(evaluator, model, validation, metrics, spec, monitor, p,
                            label + " (validation)"));
            double evalSeconds = (System.nanoTime() - t1) / 1e9;
            return new AlgorithmResult(label, p.spec().id(), params.asMap(), Status.SUCCEEDED, null,
                    metrics.stream().map(m -> m.descriptor().id()).toList(), aggregates(metrics, outcome),
                    outcome.users(), outcome.values(), fitSeconds, evalSeconds, validationAggregates, search);
        } catch (OperationCanceledException e) {
            return AlgorithmResult.failed(label, p.spec().id(), p.params().asMap(), Status.CANCELED, "canceled",
                    fitSeconds, 0);
        } catch (RuntimeException | LinkageError e) {
            // one algorithm's failure must not stop the others (NoClassDefFoundError after an uninstall included)
            return AlgorithmResult.failed(label, p.spec().id(), p.params().asMap(), Status.FAILED, reason(e),
                    fitSeconds, 0);
        }
    }

    /**
     * What a training algorithm may ask of the validation part (early stopping): one metric, the search's if the
     * algorithm is searched, else the run's first, evaluated exactly as the results are. Its evaluations report no
     * progress of their own (they happen inside the fit's), but a cancellation still stops them.
     */
    private Validation validationFor(Planned p, Target validation, List<Metric> metrics, ExperimentSpec spec,
            FullRankingEvaluator evaluator, ProgressMonitor monitor, String label) {
        Metric metric = p.searchMetric() != null ? p.searchMetric() : metrics.get(0);
        ProgressMonitor quiet = new ProgressMonitor() {
            @Override
            public boolean isCanceled() {
                return monitor.isCanceled();
            }
        };
        return new Validation() {
            @Override
            public String metric() {
                return metric.descriptor().id();
            }

            @Override
            public boolean higherIsBetter() {
                return metric.descriptor().higherIsBetter();
            }

            @Override
            public double score(Model model) {
                return evaluate(evaluator, model, validation, List.of(metric), spec, quiet, p,
                        label + " (early stopping)").aggregates()[0];
            }
        };
    }

    /**
     * Fits every candidate on the training part and scores it on the validation part; the best by the metric's
     * direction wins (ties: the earlier candidate). A failing candidate is logged with its reason and skipped.
     */
    private SearchLog search(Planned p, TrainingContext training, Interactions fitOn, Target validation,
            ExperimentSpec spec, FullRankingEvaluator evaluator, RunListener listener, ProgressMonitor monitor) {
        Metric metric = p.searchMetric();
        boolean higher = metric.descriptor().higherIsBetter();
        List<SearchLog.Trial> trials = new ArrayList<>();
        Parameters best = null;
        double bestValue = Double.NaN;
        int n = 0;
        for (Parameters candidate : p.candidates()) {
            monitor.checkCanceled();
            n++;
            listener.onEvent(new RunListener.StageStarted("search:" + p.spec().label() + " " + n + "/"
                    + p.candidates().size()));
            double value;
            String failure = null;
            try {
                Model model = p.recommender().fit(training, fitOn, candidate);
                value = evaluate(evaluator, model, validation, List.of(metric), spec, monitor, p,
                        p.spec().label() + " (search)").aggregates()[0];
            } catch (OperationCanceledException e) {
                throw e;
            } catch (RuntimeException e) {
                value = Double.NaN;
                failure = reason(e);
            }
            trials.add(new SearchLog.Trial(candidate.asMap(), value, failure));
            if (!Double.isNaN(value) && (best == null || (higher ? value > bestValue : value < bestValue))) {
                best = candidate;
                bestValue = value;
            }
        }
        if (best == null) {
            throw new org.recworkbench.api.RecommenderBuildException("every search candidate failed; first: "
                    + trials.get(0).failure());
        }
        return new SearchLog(p.spec().search().method(), metric.descriptor().id(), higher, trials, best.asMap());
    }

    private FullRankingEvaluator.Outcome evaluate(FullRankingEvaluator evaluator, Model model, Target target,
            List<Metric> metrics, ExperimentSpec spec, ProgressMonitor monitor, Planned p, String label) {
        return evaluator.evaluate(model, target.seen(), target.heldOut(), spec.protocol().excludeTrain(),
                target.relevance(), metrics, target.context(), target.context().listLength(), monitor,
                () -> registry.isRegistered(p.recommender()), label);
    }

    private static Map<String, Double> aggregates(List<Metric> metrics, FullRankingEvaluator.Outcome outcome) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int m = 0; m < metrics.size(); m++) {
            out.put(metrics.get(m).descriptor().id(), outcome.aggregates()[m]);
        }
        return out;
    }

    private static String reason(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        if (!(e instanceof PluginRemovedException) && e.getMessage() != null) {
            sb.insert(0, e.getClass().getSimpleName() + ": ");
        }
        Throwable cause = e.getCause();
        while (cause != null && cause != cause.getCause()) {
            sb.append(" (caused by ").append(cause).append(')');
            cause = cause.getCause();
        }
        return sb.toString();
    }

    @Override
    public Dataset loadDataset(DatasetSpec datasetSpec, List<FilterSpec> filterSpecs, ProgressMonitor monitor) {
        DatasetAdapter adapter = adapter(datasetSpec);
        List<DatasetFilter> filters = filters(filterSpecs);
        return applyFilters(load(adapter, datasetSpec, monitor), filters, filterSpecs);
    }

    /**
     * Loads through the adapter, holding it to its contract: a complete dataset with interactions, or a domain
     * exception saying what is wrong. Anything else an adapter throws (a bug, or a library's exception it let
     * through) becomes one clear line naming the adapter and its source, not an internal error.
     */
    private Dataset load(DatasetAdapter adapter, DatasetSpec spec, ProgressMonitor monitor) {
        monitor.checkCanceled();
        String source = spec.options().get("path") != null ? " (" + spec.options().get("path") + ")" : "";
        Dataset d;
        try {
            d = adapter.load(spec.options(), monitor);
        } catch (org.recworkbench.api.RecWorkbenchException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new org.recworkbench.api.RecWorkbenchException("dataset adapter '" + spec.adapter() + "' failed"
                    + source + ": " + reason(e), e);
        }
        if (d == null) {
            throw new org.recworkbench.api.RecWorkbenchException("dataset adapter '" + spec.adapter()
                    + "' returned no dataset" + source);
        }
        if (d.interactions().size() == 0) {
            throw new org.recworkbench.api.RecWorkbenchException("dataset adapter '" + spec.adapter()
                    + "' loaded no interactions" + source + ": nothing to split, fit or evaluate");
        }
        return d;
    }

    private static Dataset applyFilters(Dataset dataset, List<DatasetFilter> filters, List<FilterSpec> specs) {
        for (int i = 0; i < filters.size(); i++) {
            dataset = filters.get(i).apply(dataset, specs.get(i).options());
        }
        return dataset;
    }

    private DatasetAdapter adapter(DatasetSpec spec) {
        return registry.datasetAdapter(spec.adapter()).orElseThrow(() -> new InvalidSpecException("dataset.adapter",
                "unknown dataset adapter '" + spec.adapter() + "'; available: "
                        + ids(registry.datasetAdapters().stream().map(DatasetAdapter::id).toList())));
    }

    private List<DatasetFilter> filters(List<FilterSpec> specs) {
        List<DatasetFilter> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String type = specs.get(i).type();
            int index = i;
            out.add(registry.filter(type).orElseThrow(() -> new InvalidSpecException("filters[" + index + "].type",
                    "unknown filter '" + type + "'; available: "
                            + ids(registry.filters().stream().map(DatasetFilter::id).toList()))));
        }
        return out;
    }

    private List<Planned> plan(ExperimentSpec spec, MetricResolver resolver) {
        List<AlgorithmSpec> specs = spec.algorithms();
        long seed = spec.seed();
        List<Planned> out = new ArrayList<>();
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            AlgorithmSpec a = specs.get(i);
            String field = "algorithms[" + i + "]";
            if (!labels.add(a.label())) {
                throw new InvalidSpecException(field + ".label", "duplicate label '" + a.label()
                        + "'; give each run of the same algorithm its own label");
            }
            Recommender r = registry.recommender(a.id()).orElseThrow(() -> new InvalidSpecException(field + ".id",
                    "unknown algorithm '" + a.id() + "'; available: " + ids(registry.recommenders().stream()
                            .map(x -> x.descriptor().id()).toList())));
            Parameters params = Parameters.validate(field + ".params", r.descriptor().parameters(), a.params());
            List<Parameters> candidates = null;
            Metric searchMetric = null;
            if (a.search() != null) {
                candidates = HyperparameterSearch.candidates(a.search(), a.params(), r.descriptor().parameters(),
                        seed ^ a.label().hashCode(), field + ".search");
                try {
                    searchMetric = resolver.resolve(List.of(a.search().metric())).get(0);
                } catch (InvalidSpecException e) {
                    throw new InvalidSpecException(field + ".search.metric", e.getMessage(), e);
                }
            }
            out.add(new Planned(a, r, params, candidates, searchMetric, spec.timeout(i)));
        }
        return out;
    }

    /**
     * Fails before any work when the spec names a backend that is not installed. ("auto" needs no check; listing
     * the backends would start native ones.)
     */
    private void checkBackendInstalled(String id) {
        if ("auto".equals(id)) {
            return;
        }
        List<String> ids = registry.backends().stream().map(ComputeBackend::id).toList();
        if (!ids.contains(id)) {
            throw new InvalidSpecException("backend", "unknown backend '" + id + "'; available: " + ids(ids)
                    + " or auto");
        }
    }

    private ComputeBackend backend(String id) {
        List<ComputeBackend> all = registry.backends();
        ComputeBackend b = all.stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidSpecException("backend", "unknown backend '" + id + "'; available: "
                        + ids(all.stream().map(ComputeBackend::id).toList()) + " or auto"));
        if (!b.isAvailable()) {
            throw new InvalidSpecException("backend", "backend '" + id + "' is installed but cannot run here: "
                    + b.description());
        }
        return b;
    }

    /** What system-level metrics need: catalogue size, training popularity, attributes, rating scale. */
    static EvaluationContext context(Dataset dataset, Split split, int listLength) {
        double[] scale = ratingScale(dataset.metadata().get("ratingScale"));
        int evaluated = 0;
        var testByUser = split.test().userItems();
        for (int u = 0; u < testByUser.rows(); u++) {
            evaluated += testByUser.rowLength(u) > 0 ? 1 : 0;
        }
        int trainUsers = 0;
        var trainByUser = split.train().userItems();
        for (int u = 0; u < trainByUser.rows(); u++) {
            trainUsers += trainByUser.rowLength(u) > 0 ? 1 : 0;
        }
        return new EvaluationContext(dataset.items().size(), trainUsers, evaluated, split.train().itemCounts(),
                dataset.itemAttributes(), scale[0], scale[1], listLength, trainByUser);
    }

    /** Parses "1-5" or "0.5-5.0" into {min, max}; NaN when absent or unreadable. */
    static double[] ratingScale(String text) {
        if (text != null) {
            int dash = text.indexOf('-', 1);
            if (dash > 0) {
                try {
                    return new double[] {Double.parseDouble(text.substring(0, dash).trim()),
                            Double.parseDouble(text.substring(dash + 1).trim())};
                } catch (NumberFormatException e) {
                    // fall through: unknown scale
                }
            }
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    /** The relevant test items of each user under the protocol (null for users without any). */
    static Relevance[] relevance(Interactions test, ProtocolSpec protocol) {
        var byUser = test.userItems();
        Relevance[] out = new Relevance[test.numUsers()];
        int[] cols = byUser.columns();
        float[] vals = byUser.values();
        for (int u = 0; u < out.length; u++) {
            int start = byUser.rowStart(u);
            int end = byUser.rowEnd(u);
            int[] items = new int[end - start];
            float[] gains = new float[end - start];
            int n = 0;
            for (int p = start; p < end; p++) {
                if (protocol.relevanceThreshold() == null || vals[p] >= protocol.relevanceThreshold()) {
                    items[n] = cols[p];
                    gains[n] = protocol.graded() ? vals[p] : 1f;
                    n++;
                }
            }
            if (n > 0) {
                out[u] = Relevance.graded(java.util.Arrays.copyOf(items, n), java.util.Arrays.copyOf(gains, n));
            }
        }
        return out;
    }

    private static String ids(List<String> ids) {
        return ids.isEmpty() ? "none" : ids.stream().collect(Collectors.joining(", "));
    }

}
