package org.officialblogs.crawl.comments.api;

/**
 * How one post's comments are read from one comment API, as pure functions: {@link #start()} names the first
 * request, {@link #read} takes the answer to the reading's next request and returns the next reading (more
 * requests to make, comments gathered, or a failure). {@link ApiReadings#run} drives it through any fetch function.
 */
public interface CommentApi {

    /** The reading before any request: the first request queued, or a failure when the post cannot be read. */
    ApiReading start();

    /**
     * @param reading the reading whose {@link ApiReading#next()} request was made
     * @param answer  that request's answer
     * @return the next reading; {@link ApiReading#done()} when there is nothing more to ask
     */
    ApiReading read(ApiReading reading, ApiAnswer answer);
}
