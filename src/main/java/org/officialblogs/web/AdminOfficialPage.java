package org.officialblogs.web;

import java.util.List;
import org.officialblogs.registry.Blog;
import org.officialblogs.registry.Official;

/** Editing one official and each of their blogs (with reply aliases), and asking for a recrawl. */
public record AdminOfficialPage(SiteInfo site, AdminNav nav, Official official, Form officialForm, List<BlogForm> blogs,
                                Choices choices, String message) {

    /** One blog's edit form. */
    public record BlogForm(Blog blog, Form form) {}
}
