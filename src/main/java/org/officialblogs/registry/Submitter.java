package org.officialblogs.registry;

/** Who made a submission: a person's name, optionally their organisation and an email for questions. */
public record Submitter(String name, String organisation, String email) {}
