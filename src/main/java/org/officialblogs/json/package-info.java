/** How the application reads and writes JSON: one Jackson configuration ({@link org.officialblogs.json.Json}). */
package org.officialblogs.json;
