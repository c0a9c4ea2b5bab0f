package org.officialblogs.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address or a range of addresses in CIDR notation ({@code 10.0.0.5}, {@code 192.168.1.0/24}, {@code ::1},
 * {@code fd00::/8}), for settings that let only some hosts see a page. Literal addresses only: a name is never
 * looked up.
 */
public record AddressRange(byte[] network, int prefixBits) {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F.:]+");

    /** What is wrong with a written range, if anything. */
    public static Optional<String> problem(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    public static AddressRange parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = literal(address)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range"));
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has no prefix length after '/'");
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0-" + bytes.length * 8);
            }
        }
        return new AddressRange(bytes, bits);
    }

    public static List<AddressRange> parseAll(List<String> texts) {
        return texts.stream().map(AddressRange::parse).toList();
    }

    /** True when the literal address lies in this range (IPv4 and IPv6 never match each other). */
    public boolean contains(String address) {
        Optional<byte[]> candidate = literal(address);
        if (candidate.isEmpty() || candidate.get().length != network.length) return false;
        byte[] a = candidate.get();
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) if (a[i] != network[i]) return false;
        int rest = prefixBits % 8;
        if (rest == 0) return true;
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    /** True when any of the ranges holds the address. */
    public static boolean anyContains(List<AddressRange> ranges, String address) {
        for (AddressRange r : ranges) if (r.contains(address)) return true;
        return false;
    }

    private static Optional<byte[]> literal(String address) {
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = a.indexOf('%');
        if (zone >= 0) a = a.substring(0, zone);
        // only digits, dots, colons and hex letters: InetAddress.getByName then parses and never resolves
        if (a.isEmpty() || !LITERAL.matcher(a).matches() || (a.indexOf(':') < 0 && !a.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(a).getAddress();
            // an IPv4-mapped IPv6 address (::ffff:10.0.0.5) is the IPv4 address it carries
            return Optional.of(bytes);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
