/**
 * The read side of the pages and the API: queries that join the registry, the crawler's data and the stored
 * metrics into what a page shows (rankings, an official's profile, recent posts, metrics history). They only read;
 * every write belongs to the package that owns the data.
 */
package org.officialblogs.web.query;
