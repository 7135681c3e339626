using CrewPass.Conformance.RateLimits;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

public sealed class RateLimitReaderTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private static RateLimitRead Read(RateLimitConvention convention, params (string Name, string Value)[] headers) =>
        RateLimitReader.Read(headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)), convention, Now);

    [Test]
    public void GitHub_style_headers_with_an_epoch_reset()
    {
        var read = Read(RateLimitConvention.Auto, ("x-ratelimit-limit", "5000"), ("X-RateLimit-Remaining", "4990"), ("X-RATELIMIT-RESET", "1800000042"));
        read.Ok.Should().BeTrue(read.Problem);
        read.Reading.Should().BeEquivalentTo(new { Convention = RateLimitConvention.XRateLimit, Limit = 5000, Remaining = 4990, ResetSeconds = 42.0 });
    }

    [Test]
    public void The_older_IETF_draft_with_a_delta_reset_and_a_policy_list()
    {
        var read = Read(RateLimitConvention.Auto, ("RateLimit-Limit", "100, 100;w=60"), ("RateLimit-Remaining", "7"), ("RateLimit-Reset", "30"));
        read.Ok.Should().BeTrue(read.Problem);
        read.Reading.Should().BeEquivalentTo(new { Convention = RateLimitConvention.IetfDraft, Limit = 100, Remaining = 7, ResetSeconds = 30.0 });
    }

    [Test]
    public void The_current_IETF_draft_as_structured_fields()
    {
        var read = Read(RateLimitConvention.Auto, ("RateLimit", "\"default\";r=50;t=30"), ("RateLimit-Policy", "\"default\";q=100;w=60, \"daily\";q=1000;w=86400"));
        read.Ok.Should().BeTrue(read.Problem);
        read.Reading.Should().BeEquivalentTo(new { Convention = RateLimitConvention.IetfStructured, Limit = 100, Remaining = 50, ResetSeconds = 30.0 });
    }

    [Test]
    public void A_named_convention_does_not_read_another()
    {
        var read = Read(RateLimitConvention.IetfDraft, ("X-RateLimit-Limit", "10"), ("X-RateLimit-Remaining", "9"), ("X-RateLimit-Reset", "5"));
        read.Reading.Should().BeNull();
        read.Problem.Should().Contain("RateLimit-Limit is missing");
    }

    [TestCase("X-RateLimit-Remaining", "lots", "\"lots\" is not a whole number")]
    [TestCase("X-RateLimit-Remaining", "-1", "\"-1\" is not a whole number")]
    [TestCase("X-RateLimit-Remaining", "11", "remaining 11 is above the limit 10")]
    [TestCase("X-RateLimit-Limit", "0", "limit 0 is not above 0")]
    [TestCase("X-RateLimit-Reset", "1800000042000", "looks like milliseconds")]
    [TestCase("X-RateLimit-Reset", "999999", "more than a day")]
    public void A_malformed_value_is_a_finding_that_quotes_the_headers(string name, string value, string problem)
    {
        var headers = new Dictionary<string, string> { ["X-RateLimit-Limit"] = "10", ["X-RateLimit-Remaining"] = "9", ["X-RateLimit-Reset"] = "5", [name] = value };
        var read = Read(RateLimitConvention.XRateLimit, headers.Select(h => (h.Key, h.Value)).ToArray());
        read.Ok.Should().BeFalse();
        read.Problem.Should().Contain(problem).And.Contain($"{name}: {value}");
    }

    [TestCase("RateLimit", "r=50;t=30", "not a structured-field list item")]
    [TestCase("RateLimit", "\"default\";t=30", "no whole-number parameter r")]
    [TestCase("RateLimit-Policy", "\"default\";w=60", "no whole-number parameter q")]
    public void A_malformed_structured_field_is_a_finding(string name, string value, string problem)
    {
        var headers = new Dictionary<string, string> { ["RateLimit"] = "\"default\";r=50;t=30", ["RateLimit-Policy"] = "\"default\";q=100;w=60", [name] = value };
        var read = Read(RateLimitConvention.IetfStructured, headers.Select(h => (h.Key, h.Value)).ToArray());
        read.Ok.Should().BeFalse();
        read.Problem.Should().Contain(problem);
    }

    [Test]
    public void No_headers_at_all_name_every_convention_looked_for() =>
        Read(RateLimitConvention.Auto, ("Content-Type", "application/json")).Problem.Should().Contain("X-RateLimit-*").And.Contain("RateLimit-Policy");
}
