package org.recworkbench.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.recworkbench.core.BundleReport;
import org.recworkbench.core.FaultyPlugin;
import org.recworkbench.core.PluginDiagnostics;
import org.recworkbench.core.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code recwb plugins}: every bundle with its state, the plugin services each registers, and what is wrong with
 * the ones that do not work. The same problems are printed as one warning line each at the start of {@code list},
 * {@code run} and {@code simulate} ({@link #warn}).
 */
@Command(name = "plugins", mixinStandardHelpOptions = true, description = "List the installed bundles with their "
        + "state and plugin services, and say what is wrong with those that do not work.")
final class PluginsCommand implements Callable<Integer> {
    private final Recwb.Services services;
    private final PrintStream out;

    @Option(names = "--problems", description = "only the bundles and plugins that do not work")
    boolean onlyProblems;

    PluginsCommand(Recwb.Services services, PrintStream out) {
        this.services = services;
        this.out = out;
    }

    @Override
    public Integer call() {
        PluginDiagnostics diagnostics = services.diagnostics();
        List<BundleReport> bundles = diagnostics == null ? List.of() : diagnostics.bundles();
        List<FaultyPlugin> faulty = services.registry().faultyPlugins();
        if (!onlyProblems) {
            List<List<String>> rows = new ArrayList<>();
            for (BundleReport b : bundles) {
                rows.add(List.of(b.id() < 0 ? "-" : Long.toString(b.id()), b.state(), b.symbolicName(), b.version(),
                        b.healthy() ? "" : "problem (below)"));
            }
            out.println("Bundles:");
            out.print(Tables.render(List.of("id", "state", "bundle", "version", ""), rows));
            out.println();
            out.println("Plugin services:");
            out.print(Tables.render(List.of("kind", "id", "bundle"), services(services.registry())));
            out.println();
        }
        List<BundleReport> broken = bundles.stream().filter(b -> !b.healthy()).toList();
        List<String> errors = diagnostics == null ? List.of() : diagnostics.frameworkErrors();
        if (broken.isEmpty() && faulty.isEmpty() && errors.isEmpty()) {
            out.println("No problems: every bundle works and every plugin service is usable.");
            return 0;
        }
        out.println("Problems:");
        for (BundleReport b : broken) {
            out.println("  " + bundleLine(b));
        }
        for (FaultyPlugin f : faulty) {
            out.println("  " + faultyLine(f));
        }
        for (String e : errors) {
            out.println("  framework error: " + e);
        }
        if (diagnostics != null && diagnostics.logFile() != null) {
            out.println("Stack traces are in " + diagnostics.logFile());
        }
        return 0;
    }

    /** One row per registered plugin service: kind, id, bundle. */
    private static List<List<String>> services(PluginRegistry r) {
        List<List<String>> rows = new ArrayList<>();
        add(rows, "adapter", r.datasetAdapters(), a -> a.id());
        add(rows, "algorithm", r.recommenders(), a -> a.descriptor().id());
        add(rows, "metric set", r.metricSets(), m -> m.id());
        add(rows, "splitter", r.splitters(), s -> s.id());
        add(rows, "filter", r.filters(), f -> f.id());
        add(rows, "backend", r.backends(), b -> b.id());
        add(rows, "simulator", r.simulators(), s -> s.descriptor().id());
        add(rows, "policy", r.policies(), p -> p.descriptor().id());
        return rows;
    }

    private static <T> void add(List<List<String>> rows, String kind, List<T> services, Function<T, String> id) {
        for (T s : services) {
            String name;
            try {
                name = id.apply(s);
            } catch (RuntimeException e) {
                name = "(id unreadable: " + e + ")";
            }
            Bundle b = FrameworkUtil.getBundle(s.getClass());
            rows.add(List.of(kind, name, b == null ? "" : b.getSymbolicName() + " " + b.getVersion()));
        }
    }

    static String bundleLine(BundleReport b) {
        return "bundle " + b.symbolicName() + " " + b.version() + " (" + b.state() + "): " + b.problem();
    }

    static String faultyLine(FaultyPlugin f) {
        return f.kind() + " " + f.implementation() + " from " + f.bundle() + " is left out: " + f.reason();
    }

    /**
     * One warning line on {@code err} per bundle that does not work, per plugin service left out and per framework
     * error nobody explained, then where to look further; nothing when all is well.
     */
    static void warn(Recwb.Services services, PrintStream err) {
        PluginDiagnostics diagnostics = services.diagnostics();
        List<String> lines = new ArrayList<>();
        if (diagnostics != null) {
            diagnostics.problems().forEach(b -> lines.add(bundleLine(b)));
            diagnostics.frameworkErrors().forEach(e -> lines.add("framework error: " + e));
        }
        services.registry().faultyPlugins().forEach(f -> lines.add(faultyLine(f)));
        if (lines.isEmpty()) {
            return;
        }
        for (String line : lines) {
            err.println("recwb: warning: " + line);
        }
        String log = diagnostics == null ? null : diagnostics.logFile();
        err.println("recwb: the other plugins work; 'recwb plugins' lists every bundle"
                + (log != null ? ", and the framework log " + log + " has the stack traces" : ""));
    }
}
