package org.officialblogs.demo;

import java.util.List;

/**
 * The values synthetic officials are drawn from: made-up first and last names, offices, countries, levels and
 * branches. Shared by the demo's synthetic web and the benchmarks' synthetic databases.
 */
public final class SyntheticNames {

    private SyntheticNames() {}

    public static final List<String> COUNTRIES = List.of("US", "GB", "FR", "DE", "FI", "SE", "NO", "DK", "NL", "BE",
            "IE", "ES", "PT", "IT", "AT", "CH", "PL", "CZ", "EE", "LV", "LT", "CA", "AU", "NZ", "JP", "KR", "IN", "BR",
            "MX", "AR", "CL", "ZA", "KE", "NG", "IS", "LU", "SI", "HR", "GR", "RO");
    // national is half of all entries so that a level filter still spans 50 pages of the benchmarks' ranking
    public static final List<String> LEVELS = List.of("national", "national", "regional", "local", "international",
            "national", "local", "national");
    public static final List<String> BRANCHES = List.of("executive", "legislative", "legislative", "judicial",
            "agency", "diplomatic", "central_bank", "other");
    public static final List<String> FIRST = List.of("Anna", "Ben", "Chloé", "Dmitri", "Eva", "Farid", "Grete",
            "Hiro", "Inés", "Jonas", "Kaisa", "Luis", "Maja", "Noor", "Olga", "Pekka", "Quinn", "Rosa", "Sven", "Tuuli");
    public static final List<String> LAST = List.of("Smith", "Virtanen", "Dubois", "Müller", "Andersson", "García",
            "Rossi", "Nowak", "Kowalski", "O'Brien", "Jensen", "Novak", "Silva", "Tanaka", "Kim", "Patel", "Haddad");
    public static final List<String> OFFICES = List.of("Minister of Finance", "Mayor", "Member of Parliament",
            "Senator", "Judge", "Ambassador", "Governor", "City Councillor", "Agency Director", "Central Bank Governor");
}
