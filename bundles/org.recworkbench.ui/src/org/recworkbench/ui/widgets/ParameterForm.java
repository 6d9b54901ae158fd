package org.recworkbench.ui.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.ParameterType;
import org.recworkbench.api.Parameters;

/**
 * A form generated from parameter descriptors: a text field per number or string (its default shown as a
 * hint), a drop-down per enumeration, a check box per boolean, and a Browse… button for a {@code path}. Each field
 * is checked as it is typed, with the same rules the engine applies ({@link Parameters#validate}), and a wrong
 * value is shown in red next to its field. Only values the user set appear in {@link #values()}: defaults stay
 * defaults, so spec files stay short.
 */
public final class ParameterForm {

    private final Composite body;
    private final String where;
    private final Runnable onChange;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> problems = new LinkedHashMap<>();

    /**
     * @param where the spec path of these values, for messages (e.g. {@code dataset.options})
     * @param browse opens a file dialog for a {@code path} option and returns the chosen path, or null (none:
     *     no Browse… button)
     */
    public ParameterForm(Composite parent, String where, List<ParameterDescriptor> descriptors,
            Map<String, ?> initial, java.util.function.Supplier<String> browse, Runnable onChange) {
        this(parent, where, descriptors, initial, browse, onChange, 1);
    }

    /** A form with {@code columns} fields side by side per row (wide views). */
    public ParameterForm(Composite parent, String where, List<ParameterDescriptor> descriptors,
            Map<String, ?> initial, java.util.function.Supplier<String> browse, Runnable onChange, int columns) {
        this.where = where;
        this.onChange = onChange;
        if (initial != null) {
            values.putAll(initial);
        }
        body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(4 * columns, false));
        if (descriptors.isEmpty()) {
            new Label(body, SWT.NONE).setText("No options.");
        }
        for (ParameterDescriptor d : descriptors) {
            field(d, browse);
        }
    }

    public Composite control() {
        return body;
    }

    /** The values the user set (or that were given), typed where they parse. */
    public Map<String, Object> values() {
        return new LinkedHashMap<>(values);
    }

    /** One message per field whose value the engine would refuse, e.g. {@code algorithms[0].params.k: …}. */
    public List<String> problems() {
        return new ArrayList<>(problems.values());
    }

    private void field(ParameterDescriptor d, java.util.function.Supplier<String> browse) {
        Label name = new Label(body, SWT.NONE);
        name.setText(d.name());
        String help = d.description() + (d.description().isEmpty() ? "" : " ") + "(" + d.allowedText()
                + (d.defaultValue() == null ? "" : "; default " + d.defaultValue()) + ")";
        name.setToolTipText(help);
        Label error = new Label(body, SWT.NONE);
        error.setForeground(body.getDisplay().getSystemColor(SWT.COLOR_RED));
        Control input;
        if (d.type() == ParameterType.BOOLEAN) {
            Button check = new Button(body, SWT.CHECK);
            Object v = values.getOrDefault(d.name(), d.defaultValue());
            check.setSelection(Boolean.TRUE.equals(v) || "true".equals(String.valueOf(v)));
            check.addListener(SWT.Selection, e -> set(d, check.getSelection(), error));
            input = check;
            new Label(body, SWT.NONE);
        } else if (d.type() == ParameterType.ENUM) {
            Combo combo = new Combo(body, SWT.READ_ONLY);
            d.allowedValues().forEach(combo::add);
            Object v = values.getOrDefault(d.name(), d.defaultValue());
            combo.select(Math.max(0, d.allowedValues().indexOf(String.valueOf(v))));
            combo.addListener(SWT.Selection, e -> set(d, combo.getText(), error));
            input = combo;
            new Label(body, SWT.NONE);
        } else {
            Text text = new Text(body, SWT.BORDER);
            Object v = values.get(d.name());
            text.setText(v == null ? "" : String.valueOf(v));
            text.setMessage(d.defaultValue() == null ? "" : String.valueOf(d.defaultValue()));
            text.addListener(SWT.Modify, e -> set(d, text.getText().isBlank() ? null : parse(d, text.getText()),
                    error));
            input = text;
            if (d.name().equals("path") && browse != null) {
                Button button = new Button(body, SWT.PUSH);
                button.setText("Browse…");
                button.addListener(SWT.Selection, e -> {
                    String chosen = browse.get();
                    if (chosen != null) {
                        text.setText(chosen);
                    }
                });
            } else {
                new Label(body, SWT.NONE);
            }
        }
        input.setToolTipText(help);
        input.setData("parameter", d.name());
        input.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        error.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        error.moveBelow(null); // last in its row: name, field, button, error
        check(d, error);
    }

    private void set(ParameterDescriptor d, Object value, Label error) {
        if (value == null) {
            values.remove(d.name());
        } else {
            values.put(d.name(), value);
        }
        check(d, error);
        onChange.run();
    }

    private void check(ParameterDescriptor d, Label error) {
        Map<String, Object> one = new LinkedHashMap<>();
        if (values.containsKey(d.name())) {
            one.put(d.name(), values.get(d.name()));
        }
        try {
            Parameters.validate(where, List.of(d), one);
            problems.remove(d.name());
            error.setText("");
        } catch (InvalidSpecException e) {
            problems.put(d.name(), e.getMessage());
            error.setText("✖ " + e.getMessage().replaceFirst("^.*?: ", ""));
        }
        error.getParent().layout(true);
    }

    /** Numbers become numbers (so YAML writes them unquoted); what does not parse stays text and is flagged. */
    static Object parse(ParameterDescriptor d, String text) {
        String t = text.trim();
        try {
            return switch (d.type()) {
                case INT, LONG -> Long.parseLong(t);
                case DOUBLE -> Double.parseDouble(t);
                default -> t;
            };
        } catch (NumberFormatException e) {
            return t;
        }
    }
}
