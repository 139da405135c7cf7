package dev.yolotrain.engine.util;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Python's {@code '%.Ng' % v}, so tables and results.csv read exactly like YOLOv5's. */
public final class PyFormat {
    private PyFormat() {}

    public static String g(double v, int precision) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exp = rounded.precision() - rounded.scale() - 1;
        if (exp < -4 || exp >= precision) {
            BigDecimal mantissa = rounded.movePointLeft(exp);
            String ms = strip(mantissa.setScale(precision - 1, RoundingMode.UNNECESSARY).toPlainString());
            return String.format(Locale.ROOT, "%se%s%02d", ms, exp < 0 ? "-" : "+", Math.abs(exp));
        }
        return strip(rounded.setScale(Math.max(precision - 1 - exp, 0), RoundingMode.UNNECESSARY).toPlainString());
    }

    private static String strip(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
