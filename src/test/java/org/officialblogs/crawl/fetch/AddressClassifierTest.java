package org.officialblogs.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassifierTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // IPv4 public
            "8.8.8.8, PUBLIC",
            "1.1.1.1, PUBLIC",
            "93.184.216.34, PUBLIC",
            "172.15.255.255, PUBLIC",
            "172.32.0.1, PUBLIC",
            "100.63.255.255, PUBLIC",
            "100.128.0.1, PUBLIC",
            "192.169.0.1, PUBLIC",
            "198.17.255.255, PUBLIC",
            "198.20.0.1, PUBLIC",
            "223.255.255.254, PUBLIC",
            // IPv4 special
            "0.0.0.0, UNSPECIFIED",
            "0.1.2.3, RESERVED",
            "10.0.0.1, PRIVATE",
            "10.255.255.255, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.254, PRIVATE",
            "192.168.1.1, PRIVATE",
            "100.64.0.1, SHARED",
            "100.127.255.254, SHARED",
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "169.254.169.254, LINK_LOCAL",
            "192.0.0.8, RESERVED",
            "192.0.2.1, DOCUMENTATION",
            "198.51.100.7, DOCUMENTATION",
            "203.0.113.200, DOCUMENTATION",
            "192.88.99.1, RESERVED",
            "198.18.0.1, BENCHMARK",
            "198.19.255.255, BENCHMARK",
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "240.0.0.1, RESERVED",
            "255.255.255.254, RESERVED",
            "255.255.255.255, BROADCAST",
            // IPv6 public
            "2606:4700:4700::1111, PUBLIC",
            "2a00:1450:4001:80b::200e, PUBLIC",
            "2001:4860:4860::8888, PUBLIC",
            // IPv6 special
            "::, UNSPECIFIED",
            "::1, LOOPBACK",
            "fc00::1, PRIVATE",
            "fd12:3456:789a::1, PRIVATE",
            "fe80::1, LINK_LOCAL",
            "febf:ffff::1, LINK_LOCAL",
            "fec0::1, PRIVATE",
            "ff02::1, MULTICAST",
            "ff05::1:3, MULTICAST",
            "2001:db8::1, DOCUMENTATION",
            "3fff:0:0:1::1, DOCUMENTATION",
            "2001:2::1, BENCHMARK",
            "2001:10::1, RESERVED",
            "2001:20::1, RESERVED",
            "100::1, RESERVED",
            "5f00::1, RESERVED",
            "4000::1, RESERVED",
            "64:ff9b:1::a00:1, PRIVATE",
            // IPv4 inside IPv6: IPv4-compatible (Java keeps these as Inet6Address)
            "::127.0.0.1, LOOPBACK",
            "::10.1.2.3, PRIVATE",
            "::8.8.8.8, RESERVED",
            // 6to4: 2002:AABB:CCDD::/48 embeds AA.BB.CC.DD
            "2002:7f00:1::1, LOOPBACK",
            "2002:c0a8:101::1, PRIVATE",
            "2002:a9fe:a9fe::, LINK_LOCAL",
            "2002:0808:0808::1, PUBLIC",
            // NAT64 well-known prefix
            "64:ff9b::7f00:1, LOOPBACK",
            "64:ff9b::a00:1, PRIVATE",
            "64:ff9b::a9fe:a9fe, LINK_LOCAL",
            "64:ff9b::808:808, PUBLIC",
            // Teredo: server in bits 32-63, client inverted in the last 32 bits
            "2001:0:4136:e378:8000:63bf:80ff:fffe, LOOPBACK",
            "2001:0:7f00:1:8000:63bf:f7f7:f7f7, LOOPBACK",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2, DOCUMENTATION",
            "2001:0:4136:e378:8000:63bf:f7f7:f7f7, PUBLIC",
    })
    void classifiesAddressesByTheSpecialPurposeRegistries(String text, AddressClass expected)
            throws UnknownHostException {
        assertThat(AddressClassifier.classify(InetAddress.getByName(text))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "::ffff:{0} is {1}")
    @CsvSource({
            "127.0.0.1, LOOPBACK",
            "10.0.0.1, PRIVATE",
            "169.254.169.254, LINK_LOCAL",
            "100.64.1.1, SHARED",
            "0.0.0.0, UNSPECIFIED",
            "8.8.8.8, PUBLIC",
    })
    void seesThroughIpv4MappedAddressesKeptAsIpv6(String v4, AddressClass expected) throws UnknownHostException {
        // InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address; raw bytes keep the IPv6 form
        byte[] four = InetAddress.getByName(v4).getAddress();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(four, 0, mapped, 12, 4);
        InetAddress address = Inet6Address.getByAddress(null, mapped, null);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(AddressClassifier.classify(address)).isEqualTo(expected);
    }

    @Test
    void mappedTextFormIsAlsoCaughtBecauseJavaUnwrapsIt() throws UnknownHostException {
        assertThat(AddressClassifier.classify(InetAddress.getByName("::ffff:127.0.0.1")))
                .isEqualTo(AddressClass.LOOPBACK);
        assertThat(AddressClassifier.classify(InetAddress.getByName("::ffff:192.168.0.1")))
                .isEqualTo(AddressClass.PRIVATE);
    }

    @Test
    void describesTheEmbeddedAddressThatDecided() throws UnknownHostException {
        assertThat(AddressClassifier.describe(InetAddress.getByName("2002:7f00:1::1")))
                .isEqualTo("2002:7f00:1:0:0:0:0:1 is loopback (IPv4 127.0.0.1 inside 6to4)");
        assertThat(AddressClassifier.describe(InetAddress.getByName("10.0.0.1")))
                .isEqualTo("10.0.0.1 is private network");
        assertThat(AddressClassifier.describe(InetAddress.getByName("2001:0:4136:e378:8000:63bf:80ff:fffe")))
                .contains("IPv4 127.0.0.1, relay 65.54.227.120 inside Teredo");
    }

    @Test
    void guardPermitsOnlyPublicUnlessLiftedOrListed() throws UnknownHostException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        InetAddress testServer = InetAddress.getByName("127.0.0.2");
        InetAddress publicDns = InetAddress.getByName("8.8.8.8");

        AddressGuard strict = new AddressGuard(false, Set.of(testServer));
        assertThat(strict.permits(publicDns)).isTrue();
        assertThat(strict.permits(testServer)).isTrue();
        assertThat(strict.permits(loopback)).isFalse();
        assertThat(strict.refusal(loopback)).isEqualTo("refused to connect: 127.0.0.1 is loopback");

        assertThat(new AddressGuard(true, Set.of()).permits(loopback)).isTrue();
    }
}
