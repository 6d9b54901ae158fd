package org.recworkbench.ui.widgets;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.renderer.category.StandardBarPainter;

/**
 * A JFreeChart in an SWT view: the chart is rendered to an image of the widget's size whenever it is redrawn
 * or resized (JFreeChart draws with Java2D; SWT shows the pixels). Charts are built by a supplier, so the view
 * always draws the current data. Only the UI thread may call {@link #redraw()}.
 */
public final class ChartView {

    private final Label label;
    private Supplier<JFreeChart> chart;
    private Image image;

    public ChartView(Composite parent, int style) {
        label = new Label(parent, style);
        label.addListener(SWT.Resize, e -> redraw());
        label.addListener(SWT.Dispose, e -> {
            if (image != null) {
                image.dispose();
            }
        });
    }

    public Label control() {
        return label;
    }

    /** Shows the chart the supplier builds (null: nothing) and draws it now. */
    public void setChart(Supplier<JFreeChart> newChart) {
        chart = newChart;
        if (chart == null && image != null && !label.isDisposed()) {
            label.setImage(null);
            image.dispose();
            image = null;
        }
        redraw();
    }

    /** True once a chart has been drawn into the view. */
    public boolean hasImage() {
        return image != null && !label.isDisposed() && label.getImage() != null;
    }

    public void redraw() {
        if (label.isDisposed()) {
            return;
        }
        org.eclipse.swt.graphics.Point size = label.getSize();
        if (chart == null || size.x < 50 || size.y < 50) {
            return;
        }
        BufferedImage awt = render(size.x, size.y);
        if (awt == null) {
            return;
        }
        Image old = image;
        image = new Image(label.getDisplay(), toSwt(awt));
        label.setImage(image);
        if (old != null) {
            old.dispose();
        }
    }

    /** Saves the chart as a PNG of the given size (export). */
    public void savePng(Path file, int width, int height) throws IOException {
        BufferedImage awt = render(width, height);
        if (awt == null) {
            throw new IOException("there is no chart to save");
        }
        ImageIO.write(awt, "png", file.toFile());
    }

    private BufferedImage render(int width, int height) {
        JFreeChart c = chart == null ? null : chart.get();
        if (c == null) {
            return null;
        }
        Theme.INSTANCE.apply(c);
        return c.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    }

    /**
     * One look for every chart of the desktop: white plots, light grid lines, flat bars, modest titles. Built on
     * first use (a holder class): it loads Java2D's fonts, which views without a chart yet need not pay for.
     */
    private static final class Theme {
        static final StandardChartTheme INSTANCE = theme();
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        t.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        t.setLargeFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        t.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setDomainGridlinePaint(new Color(0xDDDDDD));
        t.setRangeGridlinePaint(new Color(0xDDDDDD));
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        return t;
    }

    static ImageData toSwt(BufferedImage awt) {
        PaletteData palette = new PaletteData(0xFF0000, 0x00FF00, 0x0000FF);
        ImageData data = new ImageData(awt.getWidth(), awt.getHeight(), 24, palette);
        int[] row = new int[awt.getWidth()];
        for (int y = 0; y < awt.getHeight(); y++) {
            awt.getRGB(0, y, awt.getWidth(), 1, row, 0, awt.getWidth());
            data.setPixels(0, y, row.length, row, 0);
        }
        return data;
    }
}
