package org.officialblogs.crawl.fetch;

import java.net.InetAddress;
import java.util.Set;

/**
 * Decides which resolved addresses may be connected to: only public ones unless private networks are allowed, plus an
 * explicit set of exact addresses let through anyway (a test server, an intranet mirror).
 */
public record AddressGuard(boolean allowPrivateNetwork, Set<InetAddress> allowedAddresses) {

    public AddressGuard {
        allowedAddresses = Set.copyOf(allowedAddresses);
    }

    public boolean permits(InetAddress address) {
        return allowPrivateNetwork || allowedAddresses.contains(address)
                || AddressClassifier.classify(address).isPublic();
    }

    /** Why the address is refused, for the failure message. */
    public String refusal(InetAddress address) {
        return "refused to connect: " + AddressClassifier.describe(address);
    }
}
