package org.officialblogs.metrics;

/**
 * A Wilson score confidence interval for a proportion (without continuity correction; Newcombe 1998, method 3).
 * It stays inside [0, 1] and behaves well for small samples and for 0 % or 100 %, unlike the plain "p ± z·se".
 *
 * @param lower lower bound, in [0, 1]
 * @param upper upper bound, in [0, 1]
 */
public record WilsonInterval(double lower, double upper) {

    /** The two-sided 95 % standard normal quantile, qnorm(0.975). */
    public static final double Z_95 = 1.959963984540054;

    /** The interval when nothing was observed: every proportion is possible. */
    public static final WilsonInterval UNINFORMED = new WilsonInterval(0.0, 1.0);

    public WilsonInterval {
        if (!(0.0 <= lower && lower <= upper && upper <= 1.0)) {
            throw new IllegalArgumentException("need 0 <= lower <= upper <= 1, got " + lower + ", " + upper);
        }
    }

    /** 95 % interval for {@code successes} out of {@code trials}; [0, 1] when there are no trials. */
    public static WilsonInterval of95(int successes, int trials) {
        return of(successes, trials, Z_95);
    }

    /** Interval for {@code successes} out of {@code trials} with the normal quantile {@code z}. */
    public static WilsonInterval of(int successes, int trials, double z) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + "/" + trials);
        }
        if (trials == 0) {
            return UNINFORMED;
        }
        double n = trials;
        double p = successes / n;
        double zz = z * z;
        double denominator = 1 + zz / n;
        double centre = (p + zz / (2 * n)) / denominator;
        double halfWidth = z / denominator * Math.sqrt(p * (1 - p) / n + zz / (4 * n * n));
        // At 0 % and 100 % the bound is exactly 0 or 1 in exact arithmetic; do not let rounding move it.
        double lower = successes == 0 ? 0.0 : Math.max(0.0, centre - halfWidth);
        double upper = successes == trials ? 1.0 : Math.min(1.0, centre + halfWidth);
        return new WilsonInterval(lower, upper);
    }
}
