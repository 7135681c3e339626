using CrewPass.Conformance.Evidence;
using FluentAssertions;
using NUnit.Framework;

namespace CrewPass.Conformance.Tests;

public sealed class RedactorTests
{
    private const string Key = "cpk_live_Q3kF9zT1mW7xB2nR5vL8pD4s";
    private const string Secret = "cpsk_7hGq2LwN9xVb4TzK1mR8cJ5pY3sD6fA0eH2uQ9iW";

    [OneTimeSetUp]
    public void Register() => Redactor.Register([Key, Secret]);

    [Test]
    public void A_key_keeps_its_prefix_and_last_four() => Redactor.Redact($"Bearer {Key}").Should().Be("Bearer cpk_live_…pD4s");

    [TestCase(Key + "x", TestName = "the key with a character appended")]
    [TestCase("cpk_live_Q3kF9zT1mW7xB2nR5vL8pD4", TestName = "the key truncated by one")]
    [TestCase("CPK_LIVE_q3Kf9Zt1Mw7Xb2Nr5Vl8Pd4S", TestName = "the key in other letter case")]
    [TestCase("sk_live_Q3kF9zT1mW7xB2nR5vL8pD4s", TestName = "the key's body under another prefix")]
    [TestCase("Q3kF9zT1mW7xB2nR5vL8pD4s", TestName = "the key's body alone")]
    [TestCase(Secret, TestName = "the signing secret")]
    public void Variants_of_a_secret_are_masked(string variant)
    {
        var redacted = Redactor.Redact($"message: '{variant}' end");
        redacted.Should().NotContainEquivalentOf(variant[..^1]).And.StartWith("message: '").And.EndWith("' end");
    }

    [Test]
    public void An_unregistered_key_shaped_token_is_masked() =>
        Redactor.Redact("cpk_test_AAAAbbbbCCCCddddEEEEffff and cppk_live_zzzzzzzzzzzzzzzz9999")
            .Should().Be("cpk_test_…ffff and cppk_live_…9999");

    [Test]
    public void An_eight_kib_key_is_masked_whole()
    {
        var longKey = "cpk_live_" + new string('A', 8183);
        Redactor.Redact(longKey).Should().Be("cpk_live_…AAAA");
    }

    [Test]
    public void Object_ids_and_prose_are_left_alone()
    {
        const string text = "vessel ves_efe19e05e7dc818d of ptn_acme_shipping: invalid_api_key";
        Redactor.Redact(text).Should().Be(text);
    }

    /// <summary>A bidi override or a control character in evidence is shown escaped: it cannot reorder what a reader sees.</summary>
    [TestCase("name\u202egnp.exe", "name\\u202egnp.exe", TestName = "a right-to-left override")]
    [TestCase("a\u200bb\u2066c", "a\\u200bb\\u2066c", TestName = "a zero-width space and an isolate")]
    [TestCase("bell\u0007 escape\u001b[31m", "bell\\u0007 escape\\u001b[31m", TestName = "control characters")]
    [TestCase("line one\nline two\tand a tab, é and 日本", "line one\nline two\tand a tab, é and 日本", TestName = "line breaks, tabs and letters stay")]
    public void Evidence_shows_invisible_and_control_characters_escaped(string text, string shown) => Redactor.Redact(text).Should().Be(shown);

    [Test]
    public void An_exchange_body_with_a_bidi_override_is_shown_escaped()
    {
        var exchange = new Http.Exchange(Http.ApiRequest.Get("/x"), new Uri("https://127.0.0.1/x"), [], 401, "Unauthorized", [],
            "{\"error\": {\"message\": \"evil\u202Etxt.exe\"}}", TimeSpan.Zero);
        exchange.Evidence().Should().Contain("evil\\u202etxt.exe").And.NotContain("\u202E");
    }
}
