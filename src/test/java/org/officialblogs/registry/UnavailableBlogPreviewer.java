package org.officialblogs.registry;

/** The previewer of a build without feed discovery: says so plainly, so submitters know nothing was checked. */
public final class UnavailableBlogPreviewer implements BlogPreviewer {

    public static final String MESSAGE = "Feed check is not available in this build, so the address was not checked. "
            + "You can still submit it: a moderator will look at the blog by hand.";

    @Override
    public Preview preview(String address) {
        return Preview.notFound(MESSAGE);
    }
}
