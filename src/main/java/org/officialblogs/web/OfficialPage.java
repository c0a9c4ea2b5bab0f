package org.officialblogs.web;

import java.util.List;
import org.officialblogs.registry.Blog;
import org.officialblogs.registry.Official;
import org.officialblogs.registry.Source;

/** One official: their office, jurisdiction, blogs and the sources that back the entry. */
public record OfficialPage(SiteInfo site, Official official, List<Blog> blogs, List<Source> sources) {

    public List<Source> sourcesOf(Blog blog) {
        return sources.stream().filter(s -> s.blogId() != null && s.blogId() == blog.id()).toList();
    }

    public List<Source> generalSources() {
        return sources.stream().filter(s -> s.blogId() == null).toList();
    }
}
