/**
 * Which work goes first when many threads queue for the same few slots (requests in flight, the database's one
 * writer): the thread's {@link org.officialblogs.priority.Urgency}, the work its crawl still expects to do, and a
 * {@link org.officialblogs.priority.PriorityGate} that serves the most urgent first. A crawl lasts at least as long
 * as its longest chain of requests; served in arrival order, that chain's every step queues behind thousands of
 * short ones.
 */
package org.officialblogs.priority;
