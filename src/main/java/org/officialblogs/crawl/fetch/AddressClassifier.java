package org.officialblogs.crawl.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Classifies IPv4 and IPv6 addresses by the IANA special-purpose registries, looking through the IPv6 forms that
 * embed an IPv4 address (mapped, compatible, 6to4, NAT64, Teredo) so a private IPv4 cannot hide inside them.
 */
public final class AddressClassifier {

    private static final String IPV4_COMPATIBLE = "IPv4-compatible";

    private AddressClassifier() {
    }

    /** The class of the address; an IPv6 form that embeds a non-public IPv4 address takes that address's class. */
    public static AddressClass classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return classifyV4(toInt(b, 0));
        }
        if (address instanceof Inet6Address) {
            return classifyV6(b);
        }
        throw new IllegalArgumentException("neither IPv4 nor IPv6: " + address);
    }

    /** A short explanation for messages, e.g. {@code "2002:7f00:1:: is loopback (IPv4 127.0.0.1 inside 6to4)"}. */
    public static String describe(InetAddress address) {
        AddressClass kind = classify(address);
        String text = address.getHostAddress() + " is " + kind.label();
        if (address instanceof Inet6Address) {
            Embedded embedded = embeddedV4(address.getAddress());
            if (embedded != null) {
                text += " (IPv4 " + v4Text(embedded.client())
                        + (embedded.server() == null ? "" : ", relay " + v4Text(embedded.server()))
                        + " inside " + embedded.form() + ")";
            }
        }
        return text;
    }

    private static AddressClass classifyV4(int a) {
        if (a == 0) {
            return AddressClass.UNSPECIFIED;
        }
        if (a == 0xFFFFFFFF) {
            return AddressClass.BROADCAST;
        }
        if (in(a, 0x00000000, 8)) {
            return AddressClass.RESERVED; // 0/8 "this network"
        }
        if (in(a, 0x0A000000, 8) || in(a, 0xAC100000, 12) || in(a, 0xC0A80000, 16)) {
            return AddressClass.PRIVATE;
        }
        if (in(a, 0x64400000, 10)) {
            return AddressClass.SHARED;
        }
        if (in(a, 0x7F000000, 8)) {
            return AddressClass.LOOPBACK;
        }
        if (in(a, 0xA9FE0000, 16)) {
            return AddressClass.LINK_LOCAL;
        }
        if (in(a, 0xC0000200, 24) || in(a, 0xC6336400, 24) || in(a, 0xCB007100, 24)) {
            return AddressClass.DOCUMENTATION;
        }
        if (in(a, 0xC6120000, 15)) {
            return AddressClass.BENCHMARK;
        }
        if (in(a, 0xC0000000, 24) || in(a, 0xC0586300, 24)) {
            return AddressClass.RESERVED; // 192.0.0/24 IETF assignments, 192.88.99/24 old 6to4 relays
        }
        if (in(a, 0xE0000000, 4)) {
            return AddressClass.MULTICAST;
        }
        if (in(a, 0xF0000000, 4)) {
            return AddressClass.RESERVED;
        }
        return AddressClass.PUBLIC;
    }

    private static AddressClass classifyV6(byte[] b) {
        Embedded embedded = embeddedV4(b);
        if (embedded != null) {
            AddressClass client = classifyV4(embedded.client());
            if (!client.isPublic()) {
                return client;
            }
            if (embedded.server() != null && !classifyV4(embedded.server()).isPublic()) {
                return classifyV4(embedded.server());
            }
            // IPv4-compatible addresses were deprecated (RFC 4291) and route nowhere: never a web host
            return embedded.form().equals(IPV4_COMPATIBLE) ? AddressClass.RESERVED : AddressClass.PUBLIC;
        }
        if (allZero(b, 0, 15)) {
            int last = b[15] & 0xFF;
            if (last == 0) {
                return AddressClass.UNSPECIFIED;
            }
            if (last == 1) {
                return AddressClass.LOOPBACK;
            }
        }
        int first = b[0] & 0xFF;
        if (first == 0xFF) {
            return AddressClass.MULTICAST;
        }
        if ((first & 0xFE) == 0xFC) {
            return AddressClass.PRIVATE; // fc00::/7 unique local
        }
        if (first == 0xFE && (b[1] & 0xC0) == 0x80) {
            return AddressClass.LINK_LOCAL; // fe80::/10
        }
        if (first == 0xFE && (b[1] & 0xC0) == 0xC0) {
            return AddressClass.PRIVATE; // fec0::/10 site-local, deprecated but still private in spirit
        }
        if (prefix(b, 0x2001_0db8L, 32) || prefix(b, 0x3fff_0000L, 20)) {
            return AddressClass.DOCUMENTATION; // 2001:db8::/32, 3fff::/20
        }
        if (prefix(b, 0x2001_0002L, 32) && b[4] == 0 && b[5] == 0) {
            return AddressClass.BENCHMARK; // 2001:2::/48
        }
        if (prefix(b, 0x2001_0000L, 23)) {
            return AddressClass.RESERVED; // IETF protocol assignments (ORCHID, AMT, ...): not a web host
        }
        if (prefix(b, 0x5f00_0000L, 16)) {
            return AddressClass.RESERVED; // SRv6 SIDs
        }
        if (prefix(b, 0x0064_ff9bL, 32) && b[4] == 0 && b[5] == 1) {
            return AddressClass.PRIVATE; // 64:ff9b:1::/48 local-use NAT64
        }
        if ((first & 0xE0) != 0x20) {
            return AddressClass.RESERVED; // outside 2000::/3 nothing is allocated as global unicast
        }
        return AddressClass.PUBLIC;
    }

    /** An IPv4 address carried inside an IPv6 one; Teredo also names a relay server that must be public too. */
    private record Embedded(String form, int client, Integer server) {
    }

    private static Embedded embeddedV4(byte[] b) {
        if (allZero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            return new Embedded("IPv4-mapped", toInt(b, 12), null);
        }
        // ::a.b.c.d (IPv4-compatible, deprecated); :: and ::1 are handled as themselves
        if (allZero(b, 0, 12) && !(allZero(b, 12, 15) && (b[15] & 0xFE) == 0)) {
            return new Embedded(IPV4_COMPATIBLE, toInt(b, 12), null);
        }
        if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
            return new Embedded("6to4", toInt(b, 2), null);
        }
        if (prefix(b, 0x0064_ff9bL, 32) && allZero(b, 4, 12)) {
            return new Embedded("NAT64", toInt(b, 12), null);
        }
        if (prefix(b, 0x2001_0000L, 32)) {
            // Teredo: server IPv4 in bits 32-63, client IPv4 in the last 32 bits, inverted
            return new Embedded("Teredo", ~toInt(b, 12), toInt(b, 4));
        }
        return null;
    }

    private static boolean in(int address, int network, int prefixLength) {
        int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        return (address & mask) == (network & mask);
    }

    /** Whether the first {@code bits} (at most 32) of an IPv6 address equal those of {@code top32}. */
    private static boolean prefix(byte[] b, long top32, int bits) {
        int head = toInt(b, 0);
        return in(head, (int) top32, bits);
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int toInt(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 24 | (b[offset + 1] & 0xFF) << 16 | (b[offset + 2] & 0xFF) << 8
                | (b[offset + 3] & 0xFF);
    }

    private static String v4Text(int a) {
        return (a >>> 24) + "." + (a >>> 16 & 0xFF) + "." + (a >>> 8 & 0xFF) + "." + (a & 0xFF);
    }
}
