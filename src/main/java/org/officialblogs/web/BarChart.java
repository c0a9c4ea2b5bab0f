package org.officialblogs.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A bar chart drawn as inline SVG on the server: the geometry is computed here, the template only writes it out.
 * The chart carries a title and a description for screen readers; each bar has its own title (a tooltip).
 *
 * @param id unique within the page, for aria-labelledby
 * @param title what the chart shows
 * @param description the gist in one sentence
 * @param width the viewBox width
 * @param height the viewBox height
 * @param bars the bars, left to right
 * @param maxLabel the value at the top of the scale
 * @param leftLabel the label under the first bar (a date)
 * @param middleLabel the label under the middle bar, or null
 * @param rightLabel the label under the last bar (a date)
 */
public record BarChart(String id, String title, String description, int width, int height, List<Bar> bars,
                       String maxLabel, String leftLabel, String middleLabel, String rightLabel) {

    // The text is sized in viewBox units, so it scales with the chart: the style sheet sets it so that it reads at
    // 12 px or more from a 390 px phone (the chart about 320 px wide) to a desktop; the margins leave room for it.
    /** Top of the plotting area (room for the scale label above it). */
    static final int TOP = 30;
    /** Bottom margin (room for the axis labels). */
    static final int BOTTOM = 32;
    static final int LEFT = 4;

    /** One bar: position and size in viewBox units (as text, one decimal), and its tooltip. */
    public record Bar(String x, String y, String width, String height, String label) {}

    /**
     * @param values one value per bar, left to right, none negative
     * @param label the tooltip of bar i
     * @param scale names the value at the top of the scale ("3 posts a week")
     */
    static BarChart of(String id, String title, String description, List<Double> values, IntFunction<String> label,
                       java.util.function.DoubleFunction<String> scale, String leftLabel, String rightLabel) {
        return of(id, title, description, values, label, scale, leftLabel, null, rightLabel);
    }

    /** The same with a label under the middle bar too. */
    static BarChart of(String id, String title, String description, List<Double> values, IntFunction<String> label,
                       java.util.function.DoubleFunction<String> scale, String leftLabel, String middleLabel,
                       String rightLabel) {
        int width = 560;
        int height = 190;
        double max = Math.max(1, values.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        double plotWidth = width - LEFT - 4;
        double plotHeight = height - TOP - BOTTOM;
        double slot = values.isEmpty() ? plotWidth : plotWidth / values.size();
        double barWidth = Math.max(1, slot * 0.75);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            double h = values.get(i) / max * plotHeight;
            // a zero bar is drawn as a hairline so that "no post that week" is visible, not a gap
            double drawn = Math.max(h, 0.8);
            bars.add(new Bar(num(LEFT + i * slot + (slot - barWidth) / 2), num(TOP + plotHeight - drawn),
                    num(barWidth), num(drawn), label.apply(i)));
        }
        return new BarChart(id, title, description, width, height, bars, "top line: " + scale.apply(max), leftLabel,
                middleLabel, rightLabel);
    }

    private static String num(double v) {
        return Readable.oneDecimal(v);
    }

    public int baseline() {
        return height - BOTTOM;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return width - 4;
    }

    public int top() {
        return TOP;
    }

    public int labelY() {
        return height - 6;
    }

    public int middle() {
        return width / 2;
    }
}
