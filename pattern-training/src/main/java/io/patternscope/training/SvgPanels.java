package io.patternscope.training;

import java.util.Locale;

/** A grid of small line charts in one SVG: each panel a title and lines scaled to [0, 1]. */
public final class SvgPanels {

    public static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c"};
    private final int columns;
    private final int width;
    private final int height;
    private final StringBuilder svg = new StringBuilder();
    private int panels;

    /** Panels of {@code width} × {@code height} pixels, {@code columns} to a row. */
    public SvgPanels(int columns, int width, int height) {
        this.columns = columns;
        this.width = width;
        this.height = height;
    }

    /** A new panel titled {@code title}; the lines after it go into it. */
    public SvgPanels panel(String title) {
        int x0 = x0(panels);
        int y0 = y0(panels);
        panels++;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#ccc\"/>\n<text x=\"%d\" y=\"%d\">%s</text>\n", x0 + 4, y0 + 4, width - 8, height - 8,
                x0 + 10, y0 + 20, escape(title)));
        return this;
    }

    /** A line of values in [0, 1] (NaN: a gap), spread over the current panel's width. */
    public SvgPanels line(float[] values, String colour) {
        int x0 = x0(panels - 1);
        int y0 = y0(panels - 1);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (Float.isNaN(values[i])) {
                continue;
            }
            double x = x0 + 12 + i * (width - 24.0) / Math.max(1, values.length - 1);
            double y = y0 + height - 12 - values[i] * (height - 40.0);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        svg.append("<polyline fill=\"none\" stroke-width=\"1\" stroke-opacity=\"0.8\" stroke=\"").append(colour)
                .append("\" points=\"").append(points).append("\"/>\n");
        return this;
    }

    /** The whole picture. */
    public String toSvg() {
        int rows = Math.max(1, (panels + columns - 1) / columns);
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
                columns * width, rows * height) + svg + "</svg>\n";
    }

    private int x0(int panel) {
        return (panel % columns) * width;
    }

    private int y0(int panel) {
        return (panel / columns) * height;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
