package org.officialblogs.crawl.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a host name into addresses. The system resolver in production; tests and benchmarks map names such as
 * {@code blog17.test} to loopback addresses. Whatever it returns still passes through the {@link AddressGuard}.
 */
@FunctionalInterface
public interface HostResolver {

    /** All addresses for the host, never empty; throws {@link UnknownHostException} when the name does not resolve. */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }

    /** Names in {@code overrides} (case-insensitive) resolve to the given addresses; other names go to the fallback. */
    static HostResolver withOverrides(Map<String, List<InetAddress>> overrides, HostResolver fallback) {
        Map<String, List<InetAddress>> byLowerName = new java.util.HashMap<>();
        overrides.forEach((name, addresses) -> byLowerName.put(name.toLowerCase(Locale.ROOT), List.copyOf(addresses)));
        Map<String, List<InetAddress>> fixed = Map.copyOf(byLowerName);
        return host -> {
            List<InetAddress> mapped = fixed.get(host.toLowerCase(Locale.ROOT));
            return mapped != null ? mapped : fallback.resolve(host);
        };
    }
}
