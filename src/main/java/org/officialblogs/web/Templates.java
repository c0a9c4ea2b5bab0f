package org.officialblogs.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;

/** Renders the precompiled jte templates of web/templates; jte escapes every value as HTML. */
public final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public String render(String template, Object page) {
        StringOutput out = new StringOutput();
        engine.render(template, page, out);
        return out.toString();
    }

    /** Renders straight to UTF-8 bytes: cheaper than a String for pages with non-Latin-1 text (–, ·, ▲). */
    public void render(Context ctx, String template, Object page) {
        ctx.contentType("text/html; charset=utf-8").result(renderBytes(template, page));
    }

    public byte[] renderBytes(String template, Object page) {
        Utf8ByteOutput out = new Utf8ByteOutput(16 * 1024);
        engine.render(template, page, out);
        return out.toByteArray();
    }
}
