using System.Net;
using FluentAssertions;
using VcService.Credentials.Net;

namespace VcService.Trust.Tests;

public sealed class NetworkAddressRulesTests
{
    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("2a00:1450:4001:82b::200e")]
    public void Public_addresses_pass(string address) =>
        NetworkAddressRules.WhyNotPublic(IPAddress.Parse(address)).Should().BeNull();

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("10.255.255.255", "private")]
    [InlineData("172.31.0.1", "private")]
    [InlineData("192.168.0.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.64.0.1", "CGNAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("239.1.2.3", "multicast")]
    [InlineData("::1", "loopback")]
    [InlineData("::", "unspecified")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("fdff::1", "unique-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:10.0.0.1", "IPv4-mapped private")]
    [InlineData("::ffff:127.0.0.1", "IPv4-mapped loopback")]
    [InlineData("64:ff9b::7f00:1", "NAT64 loopback")]
    [InlineData("2002:7f00:1::", "6to4 loopback")]
    [InlineData("::127.0.0.1", "IPv4-compatible loopback")]
    public void Non_public_addresses_are_named(string address, string reason) =>
        NetworkAddressRules.WhyNotPublic(IPAddress.Parse(address)).Should().Contain(reason);
}
