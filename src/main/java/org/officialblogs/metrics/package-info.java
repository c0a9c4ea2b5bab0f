/**
 * Posting frequency, responsiveness, status, score and rank of officials' blogs. The core is pure functions of the
 * data and of an explicit "now"; {@link org.officialblogs.metrics.MetricsStore} is the recompute's SQL (its inputs
 * and the rows it writes) and {@link org.officialblogs.metrics.MetricsService} runs a recompute over it. Nothing here
 * knows the crawler or the web: the crawler calls in, and the pages read the stored rows through
 * {@code org.officialblogs.web.query}.
 *
 * <p>Flow: {@link org.officialblogs.metrics.BlogMetricsCalculator} turns post dates and reply facts into
 * {@link org.officialblogs.metrics.BlogMetrics}; {@link org.officialblogs.metrics.MeasuredStatus#of} adds the blog's
 * reachability; {@link org.officialblogs.metrics.ScoreFormula#score} gives a 0-100 score with its arithmetic;
 * {@link org.officialblogs.metrics.Ranking#rank} orders the ranked blogs and compares with a previous snapshot.
 * {@link org.officialblogs.metrics.Methodology} holds the worked examples shared by the tests and the methodology page.
 */
package org.officialblogs.metrics;
