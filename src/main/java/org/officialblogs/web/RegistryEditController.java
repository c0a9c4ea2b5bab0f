package org.officialblogs.web;

import org.officialblogs.crawl.archive.ArchiveService;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import org.officialblogs.auth.ActiveSession;
import org.officialblogs.registry.Blog;
import org.officialblogs.registry.ModerationService;
import org.officialblogs.registry.Official;
import org.officialblogs.registry.RegistryDao;

/**
 * Moderators' edits of the registry: GET /admin/officials (find), GET and POST /admin/officials/{id}, POST
 * /admin/blogs/{id} (with reply aliases), POST /admin/blogs/{id}/recrawl, POST /admin/blogs/{id}/archive.
 */
final class RegistryEditController {

    private final ModerationService moderation;
    private final RegistryDao registry;
    private final WebSessions sessions;
    private final Templates templates;
    private final SiteInfo site;
    private final Choices choices;

    private final ArchiveService archive;

    RegistryEditController(ModerationService moderation, ArchiveService archive, RegistryDao registry,
                           WebSessions sessions, Templates templates, SiteInfo site, Choices choices) {
        this.moderation = moderation;
        this.archive = archive;
        this.registry = registry;
        this.sessions = sessions;
        this.templates = templates;
        this.site = site;
        this.choices = choices;
    }

    void find(Context ctx) {
        ActiveSession s = sessions.moderator(ctx);
        String q = ctx.queryParam("q");
        if (q != null && q.length() > 200) q = q.substring(0, 200);
        templates.render(ctx, "admin/officials.jte", new AdminOfficialsPage(site, ModerationController.nav(s, "officials"),
                q == null ? "" : q, moderation.findOfficials(q, 100)));
    }

    void show(Context ctx) {
        long id = OfficialController.parseId(ctx.pathParam("id"));
        render(ctx, official(id), null, null, null, Map.of(), ModerationController.done(ctx));
    }

    void saveOfficial(Context ctx) {
        long id = OfficialController.parseId(ctx.pathParam("id"));
        Official o = official(id);
        Map<String, String> fields = EntryFields.posted(ctx, EntryFields.OFFICIAL_FIELDS);
        ModerationService.Result r = moderation.editOfficial(id, fields, sessions.moderator(ctx).username());
        if (r.ok()) {
            ctx.redirect("/admin/officials/" + id + "?done=saved", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        render(ctx, o, fields, null, null, r.errors(), null);
    }

    void saveBlog(Context ctx) {
        long blogId = OfficialController.parseId(ctx.pathParam("id"));
        Blog b = blog(blogId);
        Map<String, String> fields = EntryFields.posted(ctx, EntryFields.BLOG_FIELDS);
        ModerationService.Result r = moderation.editBlog(blogId, fields, sessions.moderator(ctx).username());
        if (r.ok()) {
            ctx.redirect("/admin/officials/" + b.officialId() + "?done=saved#blog-" + blogId, HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        render(ctx, official(b.officialId()), null, blogId, fields, r.errors(), null);
    }

    void recrawl(Context ctx) {
        long blogId = OfficialController.parseId(ctx.pathParam("id"));
        Blog b = blog(blogId);
        ModerationService.Result r = moderation.recrawl(blogId, sessions.moderator(ctx).username());
        if (r.ok()) {
            ctx.redirect("/admin/officials/" + b.officialId() + "?done=recrawl#blog-" + blogId, HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        render(ctx, official(b.officialId()), null, blogId, null, Map.of("blog", r.message()), null);
    }

    /** Asks for a read of the blog from the web archive; the background pass does it at the archive's pace. */
    void archive(Context ctx) {
        long blogId = OfficialController.parseId(ctx.pathParam("id"));
        Blog b = blog(blogId);
        String moderator = sessions.moderator(ctx).username();
        archive.request(blogId);
        org.slf4j.LoggerFactory.getLogger(RegistryEditController.class)
                .info("archive read of blog={} requested by {}", blogId, moderator);
        ctx.redirect("/admin/officials/" + b.officialId() + "?done=archive#blog-" + blogId, HttpStatus.SEE_OTHER);
    }

    private Official official(long id) {
        return registry.officialById(id).orElseThrow(() -> new NotFoundResponse("There is no official number " + id + "."));
    }

    private Blog blog(long id) {
        return registry.blogById(id).orElseThrow(() -> new NotFoundResponse("There is no blog number " + id + "."));
    }

    /**
     * Renders the page; {@code officialValues} (when the official's form failed) or {@code blogValues} for blog
     * {@code failedBlog} replace the stored values, and {@code errors} belong to that one form.
     */
    private void render(Context ctx, Official o, Map<String, String> officialValues, Long failedBlog,
                        Map<String, String> blogValues, Map<String, String> errors, String message) {
        ActiveSession s = sessions.moderator(ctx);
        boolean officialFailed = officialValues != null;
        Form officialForm = new Form(officialFailed ? officialValues : EntryFields.of(o), officialFailed ? errors : Map.of(),
                EntryFields.ENTRY_LABELS, s.csrfToken());
        List<AdminOfficialPage.BlogForm> blogs = registry.blogsOf(o.id()).stream().map(b -> {
            boolean failed = failedBlog != null && failedBlog == b.id();
            Map<String, String> values = failed && blogValues != null ? blogValues : EntryFields.of(b, moderation.aliases(b.id()));
            return new AdminOfficialPage.BlogForm(b, new Form(values, failed ? errors : Map.of(), EntryFields.BLOG_LABELS, s.csrfToken()));
        }).toList();
        templates.render(ctx, "admin/official.jte", new AdminOfficialPage(site, ModerationController.nav(s, "officials"), o,
                officialForm, blogs, choices, message));
    }
}
