package org.officialblogs.crawl;

import java.util.List;

/**
 * A slow pass the scheduler runs in the background over blogs the live crawl cannot read (the web archive's read
 * of ended blogs): each run reads a few blogs and says which, so their metrics can be recomputed.
 */
@FunctionalInterface
public interface BackgroundPass {

    /** One blog read by a pass, with a line for the log. */
    record Read(long blogId, String summary) {}

    /** Reads up to {@code blogs} blogs. */
    List<Read> run(int blogs);
}
