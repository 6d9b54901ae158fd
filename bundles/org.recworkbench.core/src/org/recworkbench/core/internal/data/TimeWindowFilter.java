package org.recworkbench.core.internal.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.recworkbench.api.InvalidSpecException;
import org.recworkbench.api.ParameterDescriptor;
import org.recworkbench.api.Parameters;
import org.recworkbench.api.data.Dataset;
import org.recworkbench.api.data.DatasetFilter;
import org.recworkbench.api.data.Interactions;

/**
 * Keeps interactions whose timestamp lies in [{@code from}, {@code to}); bounds are ISO dates
 * ({@code 2015-01-01}, UTC midnight), ISO instants or epoch seconds; either may be left out.
 */
@Component(service = DatasetFilter.class)
public class TimeWindowFilter extends DescribedPlugin implements DatasetFilter {

    private static final List<ParameterDescriptor> OPTIONS = List.of(
            ParameterDescriptor.ofString("from", null, "first instant kept (inclusive)"),
            ParameterDescriptor.ofString("to", null, "end of the window (exclusive)"));

    public TimeWindowFilter() {
        super("time-window", "Keep interactions within a time window [from, to)", OPTIONS);
    }

    @Override
    public Dataset apply(Dataset dataset, Map<String, ?> options) {
        Parameters p = Parameters.validate("filters.time-window", OPTIONS, options);
        long from = bound(p.getString("from"), "from", Long.MIN_VALUE);
        long to = bound(p.getString("to"), "to", Long.MAX_VALUE);
        Interactions x = dataset.interactions();
        boolean[] keep = new boolean[x.size()];
        for (int i = 0; i < keep.length; i++) {
            long t = x.timestamp(i);
            keep[i] = t >= from && t < to;
        }
        return dataset.withInteractions(Masks.keep(x, keep));
    }

    static long bound(String text, String field, long absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        String t = text.trim();
        try {
            if (t.matches("-?\\d+")) {
                return Long.parseLong(t);
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            return Instant.parse(t).getEpochSecond();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidSpecException("filters.time-window." + field, "got '" + text
                    + "', expected a date (2015-01-01), an instant (2015-01-01T00:00:00Z) or epoch seconds", e);
        }
    }
}
