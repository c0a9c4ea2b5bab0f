package org.officialblogs.crawl.fetch;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way from a host name to a socket address: resolves through the {@link HostResolver} and drops
 * every address the {@link AddressGuard} refuses. Because the client connects to exactly what this returns, a DNS
 * answer cannot change between the check and the connect (no rebinding window).
 */
final class GuardedDnsResolver implements DnsResolver {

    private final HostResolver resolver;
    private final AddressGuard guard;

    GuardedDnsResolver(HostResolver resolver, AddressGuard guard) {
        this.resolver = resolver;
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.chars().allMatch(c -> c < 0x80)) {
            // httpcore hands internationalised names over in Unicode even when the URL had punycode
            try {
                bare = IDN.toASCII(bare);
            } catch (IllegalArgumentException e) {
                throw new UnknownHostException(host + ": not a valid internationalised host name");
            }
        }
        List<InetAddress> all = resolver.resolve(bare);
        if (all.isEmpty()) {
            throw new UnknownHostException(bare + ": no addresses");
        }
        List<InetAddress> permitted = new ArrayList<>(all.size());
        for (InetAddress address : all) {
            if (guard.permits(address)) {
                permitted.add(address);
            }
        }
        if (permitted.isEmpty()) {
            throw new BlockedAddressException(bare + ": " + guard.refusal(all.get(0)));
        }
        return permitted.toArray(new InetAddress[0]);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        // Only used for Kerberos/SPNEGO, which we never do; answering without a lookup keeps the guard the sole path.
        return host;
    }
}
