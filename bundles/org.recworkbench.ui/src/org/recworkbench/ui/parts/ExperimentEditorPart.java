package org.recworkbench.ui.parts;

import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.metrics.MetricDescriptor;
import org.recworkbench.core.PluginRegistry;
import org.recworkbench.core.spec.ExperimentSpec;
import org.recworkbench.core.spec.SignificanceSpec;
import org.recworkbench.core.spec.SpecReader;
import org.recworkbench.report.AtomicFiles;
import org.recworkbench.ui.model.DesktopPreferences;
import org.recworkbench.ui.model.Engine;
import org.recworkbench.ui.model.RunQueue;
import org.recworkbench.ui.model.RunRecord;
import org.recworkbench.ui.model.SpecDocument;
import org.recworkbench.ui.widgets.ParameterForm;
import org.recworkbench.ui.widgets.Problems;
import org.recworkbench.ui.widgets.RegistryWatch;

/**
 * The experiment editor: a form over a spec file (dataset and its options, filters, split, algorithms with their
 * hyper-parameters, metrics and cutoffs, backend, seed) and a Source tab with the YAML itself. Both edit one
 * document, so the editor reads and writes the same files as {@code recwb run}. Fields are generated from the
 * installed plugins' descriptors and checked as they change; Run is enabled only for a spec the engine accepts.
 */
public class ExperimentEditorPart {

    static final String RUNS_PART = "org.recworkbench.ui.part.runs";

    private Composite parent;
    private EPartService parts;
    private SpecDocument doc;
    private Path file;
    private boolean dirty;
    private TabFolder tabs;
    private TabItem sourceTab;
    private ScrolledComposite scroll;
    private Composite form;
    private Text source;
    private Label status;
    private Button runButton;
    private int selectedAlgorithm;
    private int selectedFilter;
    private boolean syncing;

    @PostConstruct
    public void create(Composite parent, @Optional EPartService partService) {
        this.parent = parent;
        this.parts = partService;
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(6, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        button(bar, "New", () -> load(SpecDocument.starter(DesktopPreferences.load().backend()), null));
        button(bar, "Open…", this::openWithDialog);
        button(bar, "Save", () -> save(file));
        button(bar, "Save As…", () -> save(null));
        runButton = button(bar, "Run", this::run);
        status = new Label(bar, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        tabs = new TabFolder(parent, SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        TabItem formTab = new TabItem(tabs, SWT.NONE);
        formTab.setText("Form");
        scroll = new ScrolledComposite(tabs, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        formTab.setControl(scroll);
        scroll.addListener(SWT.Resize, e -> fitForm());
        sourceTab = new TabItem(tabs, SWT.NONE);
        sourceTab.setText("Source");
        source = new Text(tabs, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        source.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        sourceTab.setControl(source);
        source.addListener(SWT.Modify, e -> {
            if (!syncing) {
                dirty = true;
                validateSource();
            }
        });
        tabs.addListener(SWT.Selection, e -> switchTabs());
        load(SpecDocument.starter(DesktopPreferences.load().backend()), null);
        // plugins installed or removed elsewhere: the drop-downs and forms follow, the document stays
        RegistryWatch.whileAlive(tabs, () -> {
            if (syncFromSource()) {
                rebuildForm();
                validate();
            }
        });
    }

    private static Button button(Composite bar, String text, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    // ------------------------------------------------------------------ document

    /** Shows a document (from a file, or new when {@code from} is null). */
    public void load(SpecDocument document, Path from) {
        doc = document;
        file = from;
        dirty = false;
        selectedAlgorithm = 0;
        selectedFilter = 0;
        rebuildForm();
        showSource();
        validate();
    }

    /** Opens a spec file; a file that is not a spec is reported and the current document stays. */
    public void open(Path specFile) {
        try {
            load(SpecDocument.parse(Files.readString(specFile)), specFile);
            status.setText("Opened " + specFile.getFileName() + ".");
        } catch (IOException | InvalidSpecException e) {
            String what = specFile + ": " + e.getMessage();
            status.setText("Cannot open " + what);
            Problems.show(parent.getShell(), "Cannot open the spec", what,
                    "Choose a RecWorkbench experiment spec (.yaml or .json), or correct the file in a text editor.");
        }
    }

    private void openWithDialog() {
        FileDialog dialog = new FileDialog(parent.getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.yaml;*.yml;*.json", "*"});
        String chosen = dialog.open();
        if (chosen != null) {
            open(Path.of(chosen));
        }
    }

    /** Saves to {@code target}, asking for a file when it is null. */
    public void save(Path target) {
        if (!syncFromSource()) {
            return;
        }
        if (target == null) {
            FileDialog dialog = new FileDialog(parent.getShell(), SWT.SAVE);
            dialog.setFilterExtensions(new String[] {"*.yaml"});
            dialog.setFileName(doc.text("name") + ".yaml");
            dialog.setOverwrite(true);
            String chosen = dialog.open();
            if (chosen == null) {
                return;
            }
            target = Path.of(chosen);
        }
        try {
            AtomicFiles.write(target, out -> out.write(doc.toYaml()));
            file = target;
            dirty = false;
            status.setText("Saved " + target.getFileName() + ".");
        } catch (RuntimeException e) {
            status.setText("Cannot save: " + e.getMessage());
            Problems.show(parent.getShell(), "Cannot save the spec", e.getMessage(),
                    "Choose a folder you can write to (File ▸ Save As…).");
        }
    }

    /** Queues a run of the spec as it is now and shows the Runs view; null when the spec has problems. */
    public RunRecord run() {
        if (!syncFromSource()) {
            return null;
        }
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            status.setText("Cannot run: " + problems.get(0));
            Problems.show(parent.getShell(), "The spec has problems", String.join("\n", problems),
                    "Correct the fields marked in the form, or the Source tab.");
            return null;
        }
        String yaml = doc.toYaml();
        ExperimentSpec spec = new SpecReader().parse(yaml, false, file == null ? "editor" : file.toString());
        RunRecord run = RunQueue.get().submit(spec, yaml);
        status.setText("Queued " + spec.name() + ".");
        if (parts != null) {
            parts.showPart(RUNS_PART, EPartService.PartState.VISIBLE);
        }
        return run;
    }

    /** The problems the engine and the installed plugins find in the document now. */
    public List<String> problems() {
        return Engine.registry().map(doc::problems).orElse(List.of("the engine is not running"));
    }

    public SpecDocument document() {
        return doc;
    }

    public boolean isDirty() {
        return dirty;
    }

    private void changed() {
        dirty = true;
        validate();
    }

    private void validate() {
        List<String> problems = problems();
        runButton.setEnabled(problems.isEmpty());
        status.setText(problems.isEmpty() ? "✔ Ready to run." + (dirty ? " (unsaved)" : "")
                : "✖ " + problems.get(0) + (problems.size() > 1 ? " (+" + (problems.size() - 1) + " more)" : ""));
        status.setToolTipText(String.join("\n", problems));
        status.getParent().layout(true);
    }

    private void validateSource() {
        try {
            doc = SpecDocument.parse(source.getText());
            validate();
        } catch (InvalidSpecException e) {
            runButton.setEnabled(false);
            status.setText("✖ " + e.getMessage());
        }
    }

    private void showSource() {
        syncing = true;
        source.setText(doc.toYaml());
        syncing = false;
    }

    /** When the Source tab is in front its text is the document; false (and a message) if it does not parse. */
    private boolean syncFromSource() {
        if (tabs.getSelectionIndex() != tabs.indexOf(sourceTab)) {
            return true;
        }
        try {
            doc = SpecDocument.parse(source.getText());
            return true;
        } catch (InvalidSpecException e) {
            status.setText("✖ " + e.getMessage());
            return false;
        }
    }

    private void switchTabs() {
        if (tabs.getSelectionIndex() == tabs.indexOf(sourceTab)) {
            showSource();
            return;
        }
        try {
            doc = SpecDocument.parse(source.getText());
            rebuildForm();
            validate();
        } catch (InvalidSpecException e) {
            tabs.setSelection(sourceTab); // the form cannot show text that does not parse: stay and say why
            status.setText("✖ " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ form

    private void rebuildForm() {
        if (form != null) {
            form.dispose();
        }
        PluginRegistry registry = Engine.registry().orElse(null);
        form = new Composite(scroll, SWT.NONE);
        form.setLayout(new GridLayout(1, true));
        if (registry == null) {
            new Label(form, SWT.NONE).setText("The engine is not running: edit the spec in the Source tab.");
        } else {
            general(registry);
            dataset(registry);
            split(registry);
            filters(registry);
            algorithms(registry);
            metrics(registry);
            significance();
        }
        scroll.setContent(form);
        fitForm();
        form.layout(true, true);
    }

    /** The form as wide as the view (long descriptions wrap), scrolling vertically. */
    private void fitForm() {
        if (form != null && !form.isDisposed()) {
            int width = Math.max(420, scroll.getClientArea().width);
            scroll.setMinSize(form.computeSize(width, SWT.DEFAULT));
        }
    }

    private Group group(String title, int columns) {
        Group g = new Group(form, SWT.NONE);
        g.setText(title);
        g.setLayout(new GridLayout(columns, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        return g;
    }

    private void general(PluginRegistry registry) {
        Group g = group("Experiment", 2);
        text(g, "Name", doc.text("name"), v -> doc.set("name", v));
        text(g, "Seed", doc.text("seed"), v -> doc.set("seed", parseNumber(v)));
        List<String> backends = new ArrayList<>(List.of("auto"));
        registry.backends().forEach(b -> backends.add(b.id()));
        combo(g, "Backend", backends, doc.text("backend").isEmpty() ? "auto" : doc.text("backend"),
                v -> doc.set("backend", v));
    }

    private void dataset(PluginRegistry registry) {
        Group g = group("Dataset", 2);
        Map<String, Object> section = doc.section("dataset");
        List<String> ids = registry.datasetAdapters().stream().map(a -> a.id()).toList();
        String adapter = String.valueOf(section.getOrDefault("adapter", ""));
        combo(g, "Adapter", ids, adapter, v -> {
            section.put("adapter", v);
            section.remove("options"); // another adapter's options mean nothing here
            rebuildLater();
        });
        registry.datasetAdapter(adapter).ifPresent(a -> options(g, "dataset.options", a.options(), section,
                "options", this::browseData));
    }

    private void split(PluginRegistry registry) {
        Group g = group("Split", 2);
        Map<String, Object> section = doc.section("split");
        List<String> ids = registry.splitters().stream().map(s -> s.id()).toList();
        String method = String.valueOf(section.getOrDefault("method", "user-holdout"));
        combo(g, "Method", ids, method, v -> {
            section.put("method", v);
            section.remove("options");
            rebuildLater();
        });
        registry.splitter(method).ifPresent(s -> options(g, "split.options", s.options(), section, "options",
                null));
    }

    private void filters(PluginRegistry registry) {
        Group g = group("Filters (applied in order)", 3);
        List<Map<String, Object>> entries = doc.entries("filters");
        List<String> ids = registry.filters().stream().map(f -> f.id()).toList();
        Table list = new Table(g, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        list.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false, 3, 1));
        for (Map<String, Object> f : entries) {
            new TableItem(list, SWT.NONE).setText(String.valueOf(f.get("type")));
        }
        Combo add = new Combo(g, SWT.READ_ONLY);
        ids.forEach(add::add);
        button(g, "Add filter", () -> {
            if (add.getSelectionIndex() >= 0) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("type", add.getText());
                entries.add(f);
                selectedFilter = entries.size() - 1;
                changed();
                rebuildLater();
            }
        });
        button(g, "Remove", () -> {
            if (list.getSelectionIndex() >= 0) {
                entries.remove(list.getSelectionIndex());
                if (entries.isEmpty()) {
                    doc.root().remove("filters");
                }
                selectedFilter = 0;
                changed();
                rebuildLater();
            }
        });
        if (entries.isEmpty()) {
            doc.root().remove("filters");
            return;
        }
        selectedFilter = Math.min(selectedFilter, entries.size() - 1);
        list.setSelection(selectedFilter);
        list.addListener(SWT.Selection, e -> {
            selectedFilter = list.getSelectionIndex();
            rebuildLater();
        });
        Map<String, Object> chosen = entries.get(selectedFilter);
        registry.filter(String.valueOf(chosen.get("type"))).ifPresent(f -> options(g,
                "filters[" + selectedFilter + "].options", f.options(), chosen, "options", null));
    }

    private void algorithms(PluginRegistry registry) {
        Group g = group("Algorithms", 3);
        List<Map<String, Object>> entries = doc.entries("algorithms");
        Table table = new Table(g, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false, 3, 1));
        for (String title : new String[] {"Label", "Algorithm", "Parameters"}) {
            org.eclipse.swt.widgets.TableColumn c = new org.eclipse.swt.widgets.TableColumn(table, SWT.NONE);
            c.setText(title);
            c.setWidth(title.equals("Parameters") ? 260 : 130);
        }
        for (Map<String, Object> a : entries) {
            Object label = a.getOrDefault("label", a.get("id"));
            new TableItem(table, SWT.NONE).setText(new String[] {String.valueOf(label), String.valueOf(a.get("id")),
                String.valueOf(SpecDocument.options(a, "params"))});
        }
        Combo add = new Combo(g, SWT.READ_ONLY);
        registry.recommenders().forEach(r -> add.add(r.descriptor().id()));
        button(g, "Add algorithm", () -> {
            if (add.getSelectionIndex() >= 0) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("id", add.getText());
                if (entries.stream().anyMatch(x -> add.getText().equals(x.getOrDefault("label", x.get("id"))))) {
                    a.put("label", add.getText() + "-" + (entries.size() + 1)); // labels must differ
                }
                entries.add(a);
                selectedAlgorithm = entries.size() - 1;
                changed();
                rebuildLater();
            }
        });
        button(g, "Remove", () -> {
            if (table.getSelectionIndex() >= 0) {
                entries.remove(table.getSelectionIndex());
                selectedAlgorithm = 0;
                changed();
                rebuildLater();
            }
        });
        if (entries.isEmpty()) {
            return;
        }
        selectedAlgorithm = Math.min(selectedAlgorithm, entries.size() - 1);
        table.setSelection(selectedAlgorithm);
        table.addListener(SWT.Selection, e -> {
            selectedAlgorithm = table.getSelectionIndex();
            rebuildLater();
        });
        Map<String, Object> chosen = entries.get(selectedAlgorithm);
        Composite detail = new Composite(g, SWT.NONE);
        detail.setLayout(new GridLayout(2, false));
        detail.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false, 3, 1));
        text(detail, "Label", String.valueOf(chosen.getOrDefault("label", "")), v -> {
            if (v.isBlank()) {
                chosen.remove("label");
            } else {
                chosen.put("label", v);
            }
        });
        registry.recommender(String.valueOf(chosen.get("id"))).ifPresent(r -> {
            Label about = new Label(detail, SWT.WRAP);
            about.setText(r.descriptor().displayName() + " (" + r.descriptor().family() + "): "
                    + r.descriptor().description());
            GridData wrap = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
            wrap.widthHint = 400;
            about.setLayoutData(wrap);
            options(detail, "algorithms[" + selectedAlgorithm + "].params", r.descriptor().parameters(), chosen,
                    "params", null);
        });
    }

    private void metrics(PluginRegistry registry) {
        Group g = group("Metrics", 2);
        List<MetricDescriptor> catalog = SpecDocument.metricCatalog(registry);
        List<String> current = doc.metrics();
        TreeSet<Integer> cutoffs = new TreeSet<>();
        List<String> chosenNames = new ArrayList<>();
        for (String m : current) {
            int at = m.indexOf('@');
            chosenNames.add((at < 0 ? m : m.substring(0, at)).toLowerCase(java.util.Locale.ROOT));
            if (at > 0) {
                try {
                    cutoffs.add(Integer.parseInt(m.substring(at + 1).trim()));
                } catch (NumberFormatException e) {
                    // shown as a problem by the validation; the field offers the default
                }
            }
        }
        if (cutoffs.isEmpty()) {
            cutoffs.add(10);
        }
        new Label(g, SWT.NONE).setText("Cutoffs k");
        Text k = new Text(g, SWT.BORDER);
        k.setText(String.join(", ", cutoffs.stream().map(String::valueOf).toList()));
        k.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        k.setData("parameter", "cutoffs");
        Table table = new Table(g, SWT.BORDER | SWT.CHECK | SWT.V_SCROLL);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
        data.heightHint = 160;
        table.setLayoutData(data);
        for (MetricDescriptor d : catalog) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(d.name() + (d.cutoff() < 0 ? "@k" : "") + "   — " + d.family());
            item.setData(d);
            item.setChecked(chosenNames.contains(d.name().toLowerCase(java.util.Locale.ROOT)));
        }
        Runnable write = () -> {
            List<String> ks = List.of(k.getText().split("[,\\s]+")).stream().filter(s -> !s.isBlank()).toList();
            List<String> ids = new ArrayList<>();
            for (TableItem item : table.getItems()) {
                if (item.getChecked()) {
                    MetricDescriptor d = (MetricDescriptor) item.getData();
                    if (d.cutoff() < 0) {
                        ks.forEach(c -> ids.add(d.name() + "@" + c));
                    } else {
                        ids.add(d.name());
                    }
                }
            }
            doc.set("metrics", ids.isEmpty() ? null : ids);
            changed();
        };
        table.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK) {
                write.run();
            }
        });
        k.addListener(SWT.Modify, e -> write.run());
    }

    /** Which algorithm the others are compared with, by which paired test and correction, at which alpha. */
    private void significance() {
        Group g = group("Significance", 2);
        Map<String, Object> section = doc.section("significance");
        List<String> labels = new ArrayList<>(List.of(FIRST_ALGORITHM));
        for (Map<String, Object> a : doc.entries("algorithms")) {
            labels.add(String.valueOf(a.getOrDefault("label", a.get("id"))));
        }
        combo(g, "Baseline", labels, String.valueOf(section.getOrDefault("baseline", FIRST_ALGORITHM)),
                v -> put(section, "baseline", v.equals(FIRST_ALGORITHM) ? null : v));
        combo(g, "Test", SignificanceSpec.TESTS, String.valueOf(section.getOrDefault("test", "t-test")),
                v -> put(section, "test", v));
        combo(g, "Correction", SignificanceSpec.CORRECTIONS, String.valueOf(section.getOrDefault("correction",
                "holm")), v -> put(section, "correction", v));
        text(g, "Alpha", String.valueOf(section.getOrDefault("alpha", "0.05")), v -> put(section, "alpha",
                v.isBlank() ? null : parseDecimal(v)));
        if (section.isEmpty()) {
            doc.root().remove("significance"); // defaults: keep the file short
        }
    }

    private static final String FIRST_ALGORITHM = "(the first algorithm)";

    private void put(Map<String, Object> section, String key, Object value) {
        if (value == null) {
            section.remove(key);
        } else {
            section.put(key, value);
        }
        if (section.isEmpty()) {
            doc.root().remove("significance");
        } else {
            doc.root().put("significance", section);
        }
    }

    private static Object parseDecimal(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return text; // the engine's check names the field and what it expects
        }
    }

    private void options(Composite owner, String where, List<ParameterDescriptor> descriptors,
            Map<String, Object> section, String key, java.util.function.Supplier<String> browse) {
        Label title = new Label(owner, SWT.NONE);
        title.setText(key.equals("params") ? "Hyper-parameters" : "Options");
        title.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        ParameterForm[] holder = new ParameterForm[1];
        holder[0] = new ParameterForm(owner, where, descriptors, SpecDocument.options(section, key), browse, () -> {
            SpecDocument.putOptions(section, key, holder[0].values());
            changed();
        });
        holder[0].control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false,
                ((GridLayout) owner.getLayout()).numColumns - 1, 1));
    }

    private String browseData() {
        FileDialog dialog = new FileDialog(parent.getShell(), SWT.OPEN);
        dialog.setFilterPath(DesktopPreferences.load().dataFolder().toString());
        String chosen = dialog.open();
        return chosen == null ? null : Path.of(chosen).getParent().toString();
    }

    private void text(Composite owner, String label, String value, java.util.function.Consumer<String> onChange) {
        new Label(owner, SWT.NONE).setText(label);
        Text t = new Text(owner, SWT.BORDER);
        t.setText(value);
        t.setData("parameter", label.toLowerCase(java.util.Locale.ROOT));
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        t.addListener(SWT.Modify, e -> {
            onChange.accept(t.getText());
            changed();
        });
    }

    private void combo(Composite owner, String label, List<String> items, String value,
            java.util.function.Consumer<String> onChange) {
        new Label(owner, SWT.NONE).setText(label);
        Combo c = new Combo(owner, SWT.READ_ONLY);
        items.forEach(c::add);
        if (!items.contains(value) && !value.isEmpty()) {
            c.add(value); // not installed: still shown, and reported by the validation
        }
        c.select(Math.max(0, c.indexOf(value)));
        c.setData("parameter", label.toLowerCase(java.util.Locale.ROOT));
        c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        c.addListener(SWT.Selection, e -> {
            onChange.accept(c.getText());
            changed();
        });
    }

    /** Rebuilds the form after the current event (a widget must not dispose itself in its own listener). */
    private void rebuildLater() {
        parent.getDisplay().asyncExec(() -> {
            if (!parent.isDisposed()) {
                rebuildForm();
                validate();
            }
        });
    }

    private static Object parseNumber(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** The form's top-level controls, for tests that drive them. */
    public Control formControl() {
        return form;
    }
}
