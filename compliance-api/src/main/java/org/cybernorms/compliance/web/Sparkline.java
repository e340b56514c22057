package org.cybernorms.compliance.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Draws a small trend line of scores (0–100) as an SVG path, server-side. Plain logic. */
final class Sparkline {

    static final int WIDTH = 120;
    static final int HEIGHT = 28;

    private Sparkline() {
    }

    /** The SVG path for {@code scores} (nulls are skipped), or an empty string if there are none. */
    static String path(List<BigDecimal> scores) {
        if (scores.isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        double step = scores.size() == 1 ? 0 : (double) WIDTH / (scores.size() - 1);
        boolean pen = false;
        for (int i = 0; i < scores.size(); i++) {
            BigDecimal score = scores.get(i);
            if (score == null) {
                pen = false;
                continue;
            }
            double x = i * step;
            double y = HEIGHT - 2 - (score.doubleValue() / 100.0) * (HEIGHT - 4);
            path.append(pen ? " L" : (path.isEmpty() ? "M" : " M"))
                    .append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            pen = true;
        }
        return path.toString();
    }
}
