package org.officialblogs.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.officialblogs.registry.Authorship;
import org.officialblogs.registry.Branch;
import org.officialblogs.registry.Countries;
import org.officialblogs.registry.Level;
import org.officialblogs.registry.ListingStatus;

/** The options of the forms' select boxes: (value, label) pairs. */
public record Choices(List<Map.Entry<String, String>> countries, List<Map.Entry<String, String>> levels,
                      List<Map.Entry<String, String>> branches, List<Map.Entry<String, String>> authorships,
                      List<Map.Entry<String, String>> blogStatuses) {

    public static Choices standard() {
        return new Choices(
                Countries.all().stream().map(e -> Map.entry(e.getKey(), e.getValue() + " (" + e.getKey() + ")")).toList(),
                Arrays.stream(Level.values()).map(l -> Map.entry(l.code(), l.label())).toList(),
                Arrays.stream(Branch.values()).map(b -> Map.entry(b.code(), b.label())).toList(),
                Arrays.stream(Authorship.values()).map(a -> Map.entry(a.code(), a.label())).toList(),
                Arrays.stream(ListingStatus.values()).map(s -> Map.entry(s.code(), s.label())).toList());
    }
}
