package org.recworkbench.core.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.recworkbench.core.BundleReport;
import org.recworkbench.core.PluginDiagnostics;

/**
 * Reads the framework's own state to say what is wrong with a bundle. Started early (the engine's start level is
 * below the plugins'), it listens for the framework's error events, which carry the exact reason a plugin bundle
 * could not resolve or its activator threw; for bundles that went wrong before it listened (or were installed
 * later) it works the reason out from the state: unmet mandatory requirements, a start that did not happen,
 * components SCR could not activate or satisfy. Jars listed in the product's {@code bundles.info} that the
 * framework refused are read to say why.
 */
@Component(service = PluginDiagnostics.class, immediate = true)
public class FrameworkDiagnostics implements PluginDiagnostics, FrameworkListener {

    private static final String SIMPLECONFIGURATOR_LIST = "org.eclipse.equinox.simpleconfigurator/bundles.info";
    private static final int MAX_REASON = 400;
    private static final int MAX_REPORTED = 100;

    /** An error event of the framework: the bundle it concerns (0 when none) and its one-line summary. */
    private record Reported(long bundleId, String bundleName, String message) {
    }

    private final BundleContext context;
    private final List<Reported> reported = new CopyOnWriteArrayList<>();
    /** The newest reported error per bundle id. */
    private final Map<Long, String> lastError = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime scr;

    @Activate
    public FrameworkDiagnostics(BundleContext context) {
        this.context = context;
        context.addFrameworkListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(this);
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() != FrameworkEvent.ERROR) {
            return;
        }
        Bundle b = event.getBundle();
        long id = b == null ? 0 : b.getBundleId();
        String message = summary(event.getThrowable());
        reported.add(new Reported(id, b == null ? "framework" : name(b), message));
        while (reported.size() > MAX_REPORTED) { // a desktop runs for days: keep the newest
            reported.remove(0);
        }
        if (id != 0) {
            lastError.put(id, message);
        }
    }

    @Override
    public List<BundleReport> bundles() {
        List<BundleReport> out = new ArrayList<>();
        Set<String> installed = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            installed.add(b.getSymbolicName() + "," + b.getVersion());
            out.add(new BundleReport(b.getBundleId(), String.valueOf(b.getSymbolicName()), b.getVersion().toString(),
                    b.getLocation(), state(b), problem(b)));
        }
        out.addAll(configuredButNotInstalled(installed));
        out.sort(Comparator.comparing(BundleReport::symbolicName).thenComparing(BundleReport::version));
        return out;
    }

    @Override
    public List<String> frameworkErrors() {
        Set<Long> explained = new HashSet<>();
        for (BundleReport r : problems()) {
            explained.add(r.id());
        }
        // errors of bundles uninstalled since went away with them
        return reported.stream().filter(r -> r.bundleId() == 0
                || (!explained.contains(r.bundleId()) && context.getBundle(r.bundleId()) != null))
                .map(r -> r.bundleName() + ": " + r.message()).toList();
    }

    @Override
    public String logFile() {
        String file = context.getProperty("osgi.logfile");
        return file == null || file.isBlank() ? null : file;
    }

    // ---------------------------------------------------------------- one bundle

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    /** Why the bundle does not work as installed, or null. */
    String problem(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        boolean fragment = revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
        if (b.getState() == Bundle.INSTALLED && !resolve(b)) {
            String reported = lastError.get(b.getBundleId());
            return "cannot resolve: " + (reported != null ? reported : unmetRequirements(b, revision));
        }
        if (fragment || b.getBundleId() == 0) {
            return null;
        }
        if (b.getState() == Bundle.RESOLVED && meantToRun(b)) {
            String reported = lastError.get(b.getBundleId());
            return "did not start: " + (reported != null ? reported : "the framework log says why");
        }
        if (b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING) {
            return componentProblems(b);
        }
        return null;
    }

    /** Asks the framework to resolve a bundle that is only installed (perhaps nobody asked yet): whether it did. */
    private boolean resolve(Bundle b) {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        return wiring != null && wiring.resolveBundles(List.of(b));
    }

    /** Marked to start, at a start level the framework has reached. */
    private boolean meantToRun(Bundle b) {
        BundleStartLevel level = b.adapt(BundleStartLevel.class);
        FrameworkStartLevel framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)
                .adapt(FrameworkStartLevel.class);
        return level != null && framework != null && level.isPersistentlyStarted()
                && level.getStartLevel() <= framework.getStartLevel();
    }

    /** The mandatory requirements of an unresolved bundle that no installed bundle offers a capability for. */
    private String unmetRequirements(Bundle b, BundleRevision revision) {
        if (revision == null) {
            return "the framework log says why";
        }
        List<String> unmet = new ArrayList<>();
        for (BundleRequirement r : revision.getDeclaredRequirements(null)) {
            if ("optional".equals(r.getDirectives().get(Constants.RESOLUTION_DIRECTIVE))
                    || "dynamic".equals(r.getDirectives().get(Constants.RESOLUTION_DIRECTIVE))
                    || r.getNamespace().startsWith("osgi.extender") || r.getNamespace().startsWith("osgi.service")) {
                continue;
            }
            if (!offered(b, r)) {
                unmet.add(describe(r));
            }
        }
        return unmet.isEmpty() ? "its requirements are offered only by bundles that do not resolve either, or "
                + "conflict; the framework log says why" : "nothing installed provides " + String.join("; ", unmet);
    }

    private boolean offered(Bundle requirer, BundleRequirement requirement) {
        String filterText = requirement.getDirectives().get(Constants.FILTER_DIRECTIVE);
        Filter filter;
        try {
            filter = filterText == null ? null : FrameworkUtil.createFilter(filterText);
        } catch (InvalidSyntaxException e) {
            return false;
        }
        for (Bundle b : context.getBundles()) {
            BundleRevision other = b.adapt(BundleRevision.class);
            if (b == requirer || other == null) {
                continue;
            }
            for (BundleCapability c : other.getDeclaredCapabilities(requirement.getNamespace())) {
                if (filter == null || filter.matches(c.getAttributes())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Pattern PACKAGE = Pattern.compile("\\(osgi\\.wiring\\.package=([^)]*)\\)");
    private static final Pattern BUNDLE = Pattern.compile("\\(osgi\\.wiring\\.bundle=([^)]*)\\)");

    private static String describe(BundleRequirement r) {
        String filter = String.valueOf(r.getDirectives().get(Constants.FILTER_DIRECTIVE));
        Matcher m = PACKAGE.matcher(filter);
        if (m.find()) {
            return "Import-Package " + m.group(1) + versionText(filter);
        }
        m = BUNDLE.matcher(filter);
        if (m.find()) {
            return "Require-Bundle " + m.group(1) + versionText(filter);
        }
        return r.getNamespace() + " " + filter;
    }

    private static String versionText(String filter) {
        Matcher low = Pattern.compile("\\((?:bundle-)?version>=([^)]*)\\)").matcher(filter);
        Matcher high = Pattern.compile("\\(!\\((?:bundle-)?version>=([^)]*)\\)\\)").matcher(filter);
        String from = low.find() ? low.group(1) : null;
        String to = high.find() ? high.group(1) : null;
        if (from == null && to == null) {
            return "";
        }
        return " (version " + (from != null ? ">= " + from : "") + (from != null && to != null ? ", " : "")
                + (to != null ? "< " + to : "") + ")";
    }

    /** Components of a started bundle that SCR could not read, activate or satisfy; null when all are fine. */
    private String componentProblems(Bundle b) {
        ServiceComponentRuntime runtime = scr;
        String declared = b.getHeaders("").get("Service-Component");
        if (runtime == null || declared == null) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        java.util.Collection<ComponentDescriptionDTO> descriptions = runtime.getComponentDescriptionDTOs(b);
        if (descriptions.isEmpty()) {
            return "SCR did not read the components it declares (Service-Component: " + declared
                    + "): a missing or malformed component file; the framework log says which";
        }
        for (ComponentDescriptionDTO d : descriptions) {
            if (!runtime.isComponentEnabled(d)) {
                continue;
            }
            for (ComponentConfigurationDTO c : runtime.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    problems.add("component " + d.name + " failed to activate: " + firstLines(c.failure));
                } else if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
                        problems.add("component " + d.name + " waits for a service nobody provides (reference '"
                                + u.name + "'" + interfaceOf(d, u.name) + ")");
                    }
                } else if (c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
                    problems.add("component " + d.name + " waits for its configuration " + String.join(", ",
                            d.configurationPid));
                }
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static String interfaceOf(ComponentDescriptionDTO d, String reference) {
        for (var r : d.references) {
            if (r.name.equals(reference)) {
                return ": " + r.interfaceName;
            }
        }
        return "";
    }

    // ---------------------------------------------------------------- configured jars

    /**
     * Entries of the product's {@code bundles.info} for which no bundle is installed: the framework refused the
     * jar (it is not a bundle, or it is missing). Each is read to say why.
     */
    private List<BundleReport> configuredButNotInstalled(Set<String> installed) {
        Path list = areaFile("osgi.configuration.area", SIMPLECONFIGURATOR_LIST);
        Path installArea = areaFile("osgi.install.area", "");
        if (list == null || !Files.isRegularFile(list)) {
            return List.of();
        }
        List<BundleReport> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(list)) {
                String[] f = line.split(",");
                if (line.startsWith("#") || f.length < 3 || installed.contains(f[0] + "," + f[1])) {
                    continue;
                }
                Path jar = resolve(installArea, f[2]);
                out.add(new BundleReport(-1, f[0], f[1], f[2], "NOT INSTALLED", whyNotABundle(jar, f[0], f[1])));
            }
        } catch (IOException e) {
            return List.of(new BundleReport(-1, SIMPLECONFIGURATOR_LIST, "", list.toString(), "UNREADABLE",
                    "cannot read the product's bundle list: " + e.getMessage()));
        }
        return out;
    }

    private Path areaFile(String property, String relative) {
        String area = context.getProperty(property);
        if (area == null) {
            return null;
        }
        try {
            Path dir = area.startsWith("file:") ? Path.of(new URI(area.replace(" ", "%20"))) : Path.of(area);
            return relative.isEmpty() ? dir : dir.resolve(relative);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Path resolve(Path installArea, String location) {
        try {
            if (location.startsWith("file:")) {
                return Path.of(new URI(location.replace(" ", "%20")));
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(location);
        }
        return installArea == null ? Path.of(location) : installArea.resolve(location);
    }

    static String whyNotABundle(Path jar, String configuredName, String configuredVersion) {
        if (jar == null || !Files.exists(jar)) {
            return "configured in bundles.info, but the file " + jar + " does not exist";
        }
        if (Files.isDirectory(jar)) {
            Path mf = jar.resolve("META-INF/MANIFEST.MF");
            if (!Files.isRegularFile(mf)) {
                return "not an OSGi bundle: the folder has no META-INF/MANIFEST.MF";
            }
            try (var in = Files.newInputStream(mf)) {
                return manifestProblem(new Manifest(in), configuredName, configuredVersion);
            } catch (IOException e) {
                return "not an OSGi bundle: its manifest cannot be read (" + e.getMessage() + ")";
            }
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest m = file.getManifest();
            if (m == null) {
                return "not an OSGi bundle: the jar has no META-INF/MANIFEST.MF";
            }
            return manifestProblem(m, configuredName, configuredVersion);
        } catch (IOException e) {
            return "not a readable jar: " + e.getMessage();
        }
    }

    private static String manifestProblem(Manifest m, String configuredName, String configuredVersion) {
        String name = m.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (name == null) {
            return "not an OSGi bundle: its manifest has no Bundle-SymbolicName (a plain jar; wrap it in a bundle)";
        }
        String bare = name.split(";")[0].trim();
        String version = m.getMainAttributes().getValue(Constants.BUNDLE_VERSION);
        if (!bare.equals(configuredName) || !org.osgi.framework.Version.parseVersion(version)
                .equals(org.osgi.framework.Version.parseVersion(configuredVersion))) {
            return "configured as " + configuredName + " " + configuredVersion + ", but the jar is " + bare + " "
                    + version;
        }
        return "the framework refused to install it; the framework log says why";
    }

    // ---------------------------------------------------------------- text

    private static String name(Bundle b) {
        return b.getSymbolicName() + " " + b.getVersion();
    }

    /** A throwable as one line: its message with white space collapsed, then the chain of causes. */
    static String summary(Throwable t) {
        if (t == null) {
            return "(no details)";
        }
        StringBuilder sb = new StringBuilder(oneLine(t.getMessage() != null ? t.getMessage() : t.toString()));
        Set<Throwable> seen = new HashSet<>();
        for (Throwable c = t.getCause(); c != null && seen.add(c); c = c.getCause()) {
            sb.append(" (caused by ").append(c.getClass().getName());
            if (c.getMessage() != null) {
                sb.append(": ").append(oneLine(c.getMessage()));
            }
            sb.append(')');
        }
        return clip(sb.toString());
    }

    private static String firstLines(String failure) {
        if (failure == null) {
            return "(no details)";
        }
        // SCR's failure text is a stack trace: keep the exception lines (the first and every "Caused by")
        List<String> kept = new ArrayList<>();
        for (String line : failure.split("\\R")) {
            String t = line.trim();
            if (kept.isEmpty() || t.startsWith("Caused by:")) {
                kept.add(t);
            }
        }
        return clip(String.join(" ", kept));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private static String clip(String s) {
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON - 1) + "…";
    }
}
