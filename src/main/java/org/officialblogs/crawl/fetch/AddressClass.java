package org.officialblogs.crawl.fetch;

/** What kind of network an IP address belongs to; only {@link #PUBLIC} is fetched while the address guard is on. */
public enum AddressClass {
    PUBLIC("public"),
    LOOPBACK("loopback"),
    PRIVATE("private network"),
    LINK_LOCAL("link-local"),
    SHARED("carrier-grade NAT (shared address space)"),
    MULTICAST("multicast"),
    UNSPECIFIED("unspecified"),
    BROADCAST("broadcast"),
    DOCUMENTATION("documentation example range"),
    BENCHMARK("benchmarking range"),
    RESERVED("reserved, not globally routable");

    private final String label;

    AddressClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isPublic() {
        return this == PUBLIC;
    }
}
