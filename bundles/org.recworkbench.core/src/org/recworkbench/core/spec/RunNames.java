package org.recworkbench.core.spec;

import org.recworkbench.api.InvalidSpecException;

/**
 * A spec's {@code name} becomes a folder name ({@code results/<name>}, the desktop's {@code runs/<time>-<name>}), so it
 * must be one plain folder name: a name such as {@code ../../x} would write outside the output root.
 */
public final class RunNames {
    private static final int MAX_LENGTH = 200;

    private RunNames() {
    }

    /** The name, if it can be a single folder name under the output root. */
    public static String check(String field, String name) {
        String why = null;
        if (name.contains("/") || name.contains("\\")) {
            why = "holds a path separator";
        } else if (name.equals(".") || name.equals("..") || name.startsWith(".")) {
            why = "starts with a dot";
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            why = "holds a control character";
        } else if (name.length() > MAX_LENGTH) {
            why = "is longer than " + MAX_LENGTH + " characters";
        } else if (!name.equals(name.strip())) {
            why = "starts or ends with white space";
        }
        if (why != null) {
            throw new InvalidSpecException(field, "'" + name.replaceAll("\\p{Cntrl}", "?") + "' " + why
                    + ": the name becomes the results folder under the output root, so it must be one plain folder "
                    + "name (letters, digits, spaces, '-', '_', '.', not starting with a dot); to write elsewhere "
                    + "use 'output' or --output");
        }
        return name;
    }
}
