package org.recworkbench.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The CSV number format is defined as {@code %.6g} with its padding zeros removed. The reference here is the
 * JDK's own {@link java.util.Formatter} followed by that removal, an independent implementation of the same rule.
 */
class CsvNumberTest {

    private static String reference(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2")
                .replaceFirst("\\.(e|$)", "$1");
    }

    @Test
    void handPickedValues() {
        assertEquals("0.2909", CsvReportWriter.number(0.2909));
        assertEquals("100", CsvReportWriter.number(100.0));
        assertEquals("-0.5", CsvReportWriter.number(-0.5));
        assertEquals("1e-05", CsvReportWriter.number(1e-5));
        assertEquals("1.23457e+06", CsvReportWriter.number(1234567.0));
        assertEquals("0.333333", CsvReportWriter.number(1.0 / 3));
        assertEquals("999999", CsvReportWriter.number(999999.4));
        assertEquals("1e+06", CsvReportWriter.number(999999.5)); // rounds up across the plain/scientific border
        assertEquals("0.0001", CsvReportWriter.number(0.0001));
        assertEquals("9.99999e-05", CsvReportWriter.number(0.0000999999));
        assertEquals("0", CsvReportWriter.number(0.0));
        assertEquals("", CsvReportWriter.number(Double.NaN));
    }

    @Test
    void agreesWithTheFormatterOnEdgesAndRandomValues() {
        double[] edges = {-0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE,
            0.5, 0.05, 1.5, 2.5, 0.1234565, 0.1234575, 123456.5, 1e-4, 9.999995e-5, 1e6, 1e100, -1e-100, 42};
        for (double v : edges) {
            assertEquals(reference(v), CsvReportWriter.number(v), () -> "value " + v);
        }
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            double v = (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(-12, 13));
            if (i % 4 == 0) {
                v = Math.round(v * 1e4) / 1e4; // short decimals, where half-up ties occur
            }
            double value = v;
            assertEquals(reference(value), CsvReportWriter.number(value), () -> "value " + value);
        }
    }
}
