package org.recworkbench.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.osgi.framework.FrameworkUtil;
import org.recworkbench.ui.model.Engine;
import org.recworkbench.ui.model.P2Repository;
import org.recworkbench.ui.widgets.Problems;
import org.recworkbench.ui.widgets.RegistryWatch;
import org.recworkbench.ui.widgets.TableViews;
import org.recworkbench.core.PluginRegistry;

/**
 * Every registered plugin service by kind, as the engine's registry sees it now, refreshed when a bundle comes or
 * goes ({@link RegistryWatch}); install a plugin from its jar or from a p2 repository, update, stop, uninstall. What
 * does not work comes first: plugin services left out as faulty and bundles with a problem, each with the reason
 * (the engine's {@code PluginDiagnostics}), so a broken plugin can be found and uninstalled here.
 */
public class PluginsPart {

    /** Kind of the rows for plugin services left out because their metadata could not be read. */
    public static final String FAULTY = "faulty ";
    /** Kind of the rows for bundles that do not work as installed. */
    public static final String PROBLEM = "bundle problem";

    /** One row: the kind of plugin, its id and description, and the bundle that registered it (null if none). */
    public record Row(String kind, String id, String description, org.osgi.framework.Bundle bundle,
            String bundleText) {
        Row(String kind, String id, String description, org.osgi.framework.Bundle bundle) {
            this(kind, id, description, bundle, bundle == null ? "" : bundle.getSymbolicName() + " "
                    + bundle.getVersion());
        }
    }

    private TableViewer viewer;
    private TableViewer repositoryViewer;
    private org.eclipse.swt.widgets.Text repositoryLocation;
    private P2Repository repository;
    private org.eclipse.swt.widgets.Label message;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.GridLayout(4, false));
        Button install = new Button(parent, SWT.PUSH);
        install.setText("Install…");
        install.addListener(SWT.Selection, e -> {
            org.eclipse.swt.widgets.FileDialog dialog = new org.eclipse.swt.widgets.FileDialog(parent.getShell(),
                    SWT.OPEN);
            dialog.setFilterExtensions(new String[] {"*.jar"});
            String file = dialog.open();
            if (file != null) {
                install(java.nio.file.Path.of(file));
            }
        });
        Button stop = new Button(parent, SWT.PUSH);
        stop.setText("Stop");
        stop.addListener(SWT.Selection, e -> onSelectedBundle(org.osgi.framework.Bundle::stop, "stopped"));
        Button uninstall = new Button(parent, SWT.PUSH);
        uninstall.setText("Uninstall");
        uninstall.addListener(SWT.Selection, e -> {
            Row row = selected();
            if (row != null && row.bundle() != null && org.eclipse.jface.dialogs.MessageDialog.openConfirm(
                    parent.getShell(), "Uninstall plugin", "Uninstall " + row.bundleText() + "? Its services go away "
                            + "at once; running experiments and simulations that use them report it.")) {
                onSelectedBundle(org.osgi.framework.Bundle::uninstall, "uninstalled");
            }
        });
        message = new org.eclipse.swt.widgets.Label(parent, SWT.NONE);
        message.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.CENTER, true, false));
        // installed plugins above, the p2 repository below; the user moves the divider
        org.eclipse.swt.custom.SashForm sash = new org.eclipse.swt.custom.SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        viewer = TableViews.create(sash, SWT.NONE, Row.class, new TableViews.Column<>("Kind", 2, Row::kind),
                new TableViews.Column<>("Id", 3, Row::id), new TableViews.Column<>("Description", 8, Row::description),
                new TableViews.Column<>("Bundle", 4, Row::bundleText));
        createRepositorySection(sash);
        sash.setWeights(3, 2);
        refresh();
        RegistryWatch.whileAlive(viewer.getTable(), this::refresh);
    }

    /** Installs and starts a plugin bundle from a jar; the table shows its services at the next refresh. */
    public void install(java.nio.file.Path jar) {
        try {
            org.osgi.framework.Bundle b = Engine.context().installBundle(jar.toUri().toString());
            b.start();
            message.setText("Installed " + b.getSymbolicName() + " " + b.getVersion() + ".");
        } catch (org.osgi.framework.BundleException | RuntimeException e) {
            message.setText("Cannot install " + jar.getFileName() + ".");
            Problems.show(message.getShell(), "Cannot install the plugin", jar + ": " + e.getMessage(),
                    "Choose an OSGi bundle jar built against the RecWorkbench API (README, section Adding a plugin).");
        }
    }

    private Row selected() {
        Object first = viewer.getStructuredSelection().getFirstElement();
        return first instanceof Row r ? r : null;
    }

    @FunctionalInterface
    private interface BundleAction {
        void apply(org.osgi.framework.Bundle bundle) throws org.osgi.framework.BundleException;
    }

    private void onSelectedBundle(BundleAction action, String done) {
        Row row = selected();
        if (row == null || row.bundle() == null) {
            message.setText("Select a plugin first.");
            return;
        }
        if (row.bundle().getSymbolicName().equals("org.recworkbench.core")
                || row.bundle().getBundleId() == 0) {
            message.setText("The engine itself cannot be stopped from here.");
            return;
        }
        try {
            action.apply(row.bundle());
            message.setText(row.bundleText() + " " + done + ".");
        } catch (org.osgi.framework.BundleException | RuntimeException e) {
            message.setText("Cannot change " + row.bundleText() + ": " + e.getMessage());
        }
    }

    /** Rereads the registry and the diagnostics now (a failed component does not change the registry). */
    public void refreshNow() {
        refresh();
    }

    private void refresh() {
        viewer.setInput(rows());
        if (repository != null) {
            repositoryViewer.setInput(repository.bundles());
        }
    }


    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        PluginRegistry r = Engine.registry().orElse(null);
        if (r == null) {
            rows.add(new Row("-", "-", "the engine (org.recworkbench.core) is not running", null));
            return rows;
        }
        faultyRows(r, rows);
        r.datasetAdapters().forEach(a -> rows.add(new Row("adapter", a.id(), a.description(), bundle(a))));
        r.recommenders().forEach(a -> rows.add(new Row("algorithm", a.descriptor().id(), a.descriptor().description(),
                bundle(a))));
        r.metricSets().forEach(m -> rows.add(new Row("metric set", m.id(), m.description(), bundle(m))));
        r.splitters().forEach(s -> rows.add(new Row("splitter", s.id(), s.description(), bundle(s))));
        r.filters().forEach(f -> rows.add(new Row("filter", f.id(), f.description(), bundle(f))));
        r.backends().forEach(b -> rows.add(new Row("backend", b.id(), b.description()
                + (b.isAvailable() ? "" : " (not available on this machine)"), bundle(b))));
        r.simulators().forEach(s -> rows.add(new Row("simulator", s.descriptor().id(), s.descriptor().description(),
                bundle(s))));
        r.policies().forEach(p -> rows.add(new Row("policy", p.descriptor().id(), p.descriptor().description(),
                bundle(p))));
        return rows;
    }

    /** Faulty plugin services and bundles with a problem, each with its reason and (where installed) bundle. */
    private static void faultyRows(PluginRegistry r, List<Row> rows) {
        org.osgi.framework.Bundle[] bundles = Engine.context().getBundles();
        for (org.recworkbench.core.FaultyPlugin f : r.faultyPlugins()) {
            org.osgi.framework.Bundle b = java.util.Arrays.stream(bundles)
                    .filter(x -> f.bundle().equals(x.getSymbolicName() + " " + x.getVersion())).findFirst()
                    .orElse(null);
            String name = f.implementation().substring(f.implementation().lastIndexOf('.') + 1);
            rows.add(new Row(FAULTY + f.kind(), name, f.reason(), b, f.bundle()));
        }
        Engine.diagnostics().ifPresent(d -> d.problems().forEach(p -> rows.add(new Row(PROBLEM, p.symbolicName(),
                p.state() + ": " + p.problem(), p.id() < 0 ? null : Engine.context().getBundle(p.id()),
                p.symbolicName() + " " + p.version()))));
    }

    private static org.osgi.framework.Bundle bundle(Object service) {
        return FrameworkUtil.getBundle(service.getClass());
    }

    // ------------------------------------------------------------------ p2 repository

    private void createRepositorySection(Composite parent) {
        org.eclipse.swt.widgets.Group group = new org.eclipse.swt.widgets.Group(parent, SWT.NONE);
        group.setText("Install or update from a p2 repository");
        group.setLayout(new org.eclipse.swt.layout.GridLayout(5, false));
        repositoryLocation = new org.eclipse.swt.widgets.Text(group, SWT.BORDER);
        repositoryLocation.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.CENTER, true, false));
        repositoryLocation.setMessage("folder of a p2 repository, e.g. features/org.recworkbench.repository/target/"
                + "repository");
        Button browse = new Button(group, SWT.PUSH);
        browse.setText("Browse…");
        browse.addListener(SWT.Selection, e -> {
            org.eclipse.swt.widgets.DirectoryDialog dialog = new org.eclipse.swt.widgets.DirectoryDialog(
                    parent.getShell());
            String chosen = dialog.open();
            if (chosen != null) {
                repositoryLocation.setText(chosen);
                openRepository(java.nio.file.Path.of(chosen));
            }
        });
        Button load = new Button(group, SWT.PUSH);
        load.setText("Load");
        load.addListener(SWT.Selection, e -> openRepository(java.nio.file.Path.of(repositoryLocation.getText()
                .trim())));
        Button install = new Button(group, SWT.PUSH);
        install.setText("Install from repository");
        install.addListener(SWT.Selection, e -> onSelectedArtifact(false));
        Button update = new Button(group, SWT.PUSH);
        update.setText("Update");
        update.addListener(SWT.Selection, e -> onSelectedArtifact(true));
        repositoryViewer = TableViews.create(group, SWT.NONE, P2Repository.Artifact.class,
                new TableViews.Column<>("Bundle", 6, a -> a.id()),
                new TableViews.Column<>("Version", 3, a -> a.version().toString()),
                new TableViews.Column<>("Here", 3, a -> switch (P2Repository.status(a, Engine.context())) {
                    case NOT_INSTALLED -> "not installed";
                    case UPDATE_AVAILABLE -> "update available";
                    case INSTALLED -> "installed";
                }));
        repositoryViewer.getTable().getParent().setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.FILL,
                true, true, 5, 1));
    }

    /** Lists the bundles of a local p2 repository with what is installed of each. */
    public void openRepository(java.nio.file.Path folder) {
        try {
            repository = P2Repository.open(folder);
            repositoryLocation.setText(folder.toString());
            repositoryViewer.setInput(repository.bundles());
            message.setText(repository.bundles().size() + " bundles in " + folder.getFileName() + ".");
        } catch (RuntimeException e) {
            repository = null;
            repositoryViewer.setInput(List.of());
            message.setText("Cannot open the repository.");
            Problems.show(message.getShell(), "Cannot open the repository", e.getMessage(),
                    "Choose the folder that holds artifacts.jar (or artifacts.xml) and plugins/.");
        }
    }

    /** Installs (or, with {@code update}, updates) the bundle selected in the repository table. */
    public void onSelectedArtifact(boolean update) {
        Object first = repositoryViewer.getStructuredSelection().getFirstElement();
        if (!(first instanceof P2Repository.Artifact artifact)) {
            message.setText("Select a bundle of the repository first.");
            return;
        }
        try {
            org.osgi.framework.Bundle b = update ? P2Repository.update(artifact, Engine.context())
                    : P2Repository.install(artifact, Engine.context());
            message.setText((update ? "Updated " : "Installed ") + b.getSymbolicName() + " " + b.getVersion() + ".");
        } catch (org.osgi.framework.BundleException | RuntimeException e) {
            message.setText("Cannot " + (update ? "update " : "install ") + artifact.id() + ".");
            Problems.show(message.getShell(), "Cannot " + (update ? "update" : "install") + " the plugin",
                    artifact.id() + " " + artifact.version() + ": " + e.getMessage(),
                    "Check that the repository is complete, or install the plugin's jar with Install….");
        }
        repositoryViewer.refresh();
    }

    @PreDestroy
    public void dispose() {
        // the view holds no services: Engine tracks them for the whole desktop
    }
}
