package org.officialblogs.registry;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL the moderators' edits need beyond {@link RegistryDao}: blog aliases, and finding any official by name. */
public final class ModerationDao {

    private final Jdbi jdbi;

    public ModerationDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Blog> blogById(Handle h, long id) {
        return h.createQuery("SELECT * FROM blog WHERE id = :id").bind("id", id).map(RegistryDao.BLOG).findOne();
    }

    /** The names an official replies under on a blog, in the order a moderator gave them. */
    public List<String> aliases(long blogId) {
        return jdbi.withHandle(h -> aliases(h, blogId));
    }

    List<String> aliases(Handle h, long blogId) {
        return h.createQuery("SELECT alias FROM blog_alias WHERE blog_id = :b ORDER BY rowid").bind("b", blogId)
                .mapTo(String.class).list();
    }

    void replaceAliases(Handle h, long blogId, List<String> aliases) {
        h.createUpdate("DELETE FROM blog_alias WHERE blog_id = :b").bind("b", blogId).execute();
        for (String a : aliases) {
            h.createUpdate("INSERT INTO blog_alias (blog_id, alias) VALUES (:b, :a) ON CONFLICT DO NOTHING")
                    .bind("b", blogId).bind("a", a).execute();
        }
    }

    /** Officials whose name or office contains the text (any status, unlike the public directory), by name. */
    public List<Official> searchOfficials(String text, int limit) {
        String like = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM official
                WHERE :like IS NULL OR lower(name) LIKE :like ESCAPE '!' OR lower(office) LIKE :like ESCAPE '!'
                ORDER BY name COLLATE NOCASE, id LIMIT :limit
                """).bind("like", like).bind("limit", limit).map(RegistryDao.OFFICIAL).list());
    }
}
