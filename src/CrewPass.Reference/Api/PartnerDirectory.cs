using System.Security.Cryptography;
using Bogus;

namespace CrewPass.Reference;

/// <summary>The reference's partners, keys and vessels. Keys are random per instance; vessels come from a fixed seed.</summary>
public sealed class PartnerDirectory
{
    public const int VesselSeed = 20261128;
    private const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly string[] Flags = ["GB", "MT", "PA", "LR", "MH", "BS", "NO", "CY", "SG", "NL"];

    private readonly Dictionary<string, Credential> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _signingSecrets = new(StringComparer.Ordinal);
    private readonly List<Vessel> _vessels = [];
    private readonly Lock _vesselsLock = new();

    /// <summary>The rate-limit partner's plan: small and short, so exhausting it is quick, yet big enough that the
    /// non-exhausting rate checks stay within a tenth of it.</summary>
    public const int RateLimitPartnerLimit = 40;

    /// <summary>Every plan but the rate-limit partner's: a realistic 600 requests a minute. A whole run against a deployment
    /// of 52 reads fits inside it (bench/run.sh --scale prints what each partner spent).</summary>
    public const int PlanLimit = 600;

    /// <summary>The other partner's plan, newer than the rest (a fault forgets it in the limits table).</summary>
    public const string UnlistedPlan = "fleet-enterprise";

    /// <summary>
    /// The rate-limit partner's window: short, so RATE-05's wait for recovery is short. A sandbox shared by several runs
    /// gives it longer: runs side by side on few cores spread one burst over more than the short window, so it rolled
    /// over mid-burst and RATE-05 could only be inconclusive.
    /// </summary>
    public static TimeSpan RateLimitPartnerWindow(int partnerSets) => TimeSpan.FromSeconds(partnerSets > 1 ? 5 : 2);

    /// <param name="partnerSets">
    /// How many harness users the instance serves at once: each set is a partner of its own (live, test, widget, revoked
    /// keys and a signing secret) with a rate-limit partner of its own, so runs sharing a sandbox never share a budget.
    /// The other partner and the restricted partner are shared: nothing a run does to them disturbs another.
    /// </param>
    public PartnerDirectory(int partnerSets = 1)
    {
        var minute = TimeSpan.FromMinutes(1);
        var other = new Partner("ptn_borealis_marine", "Borealis Marine AS", UnlistedPlan, ["partners:read", "vessels:read"], PlanLimit, minute);
        var restricted = new Partner("ptn_coastal_crewing", "Coastal Crewing Co", "starter", ["partners:read"], PlanLimit, minute);
        var restrictedKey = Issue(restricted, KeyMode.Live);
        var otherKey = Issue(other, KeyMode.Live);
        var otherSecret = NewSecret(other);
        Issue(other, KeyMode.Test);
        Issue(restricted, KeyMode.Test);
        var partners = new List<Partner> { other, restricted };
        var sets = new List<ReferenceCredentials>();
        var faker = new Faker { Random = new Randomizer(VesselSeed) };
        for (var set = 1; set <= partnerSets; set++)
        {
            var suffix = set == 1 ? "" : $"_{set}";
            var acme = new Partner("ptn_acme_shipping" + suffix, "Acme Shipping Ltd" + (set == 1 ? "" : $" {set}"), "fleet-pro", ["partners:read", "vessels:read"], PlanLimit, minute);
            var rateLimited = new Partner("ptn_dockside_agency" + suffix, "Dockside Agency" + (set == 1 ? "" : $" {set}"), "trial", ["partners:read", "vessels:read"], RateLimitPartnerLimit, RateLimitPartnerWindow(partnerSets));
            sets.Add(new ReferenceCredentials(
                LiveKey: Issue(acme, KeyMode.Live),
                TestKey: Issue(acme, KeyMode.Test),
                WidgetKey: Issue(acme, KeyMode.Live, CredentialKind.WidgetKey),
                RevokedKey: Issue(acme, KeyMode.Live, revoked: true),
                RestrictedKey: restrictedKey,
                OtherPartnerKey: otherKey,
                RateLimitKey: Issue(rateLimited, KeyMode.Test),
                SigningSecret: NewSecret(acme),
                OtherSigningSecret: otherSecret));
            Issue(rateLimited, KeyMode.Live);
            partners.AddRange([acme, rateLimited]);
            AddVessels(faker, acme, 5, 3);
            AddVessels(faker, rateLimited, 1, 1);
        }
        AddVessels(faker, other, 3, 2);
        AddVessels(faker, restricted, 2, 1);
        Partners = partners;
        CredentialSets = sets;
    }

    /// <summary>The first partner set's credentials: what a single harness run uses.</summary>
    public ReferenceCredentials Credentials => CredentialSets[0];

    public IReadOnlyList<ReferenceCredentials> CredentialSets { get; private set; }

    /// <summary>
    /// A client sandbox's directory whose test key and signing secret are given, not drawn: a hosted session's scenario
    /// keeps them in the service's database, so every instance that serves it knows the same ones.
    /// </summary>
    public static PartnerDirectory ForClient(string testKey, string signingSecret)
    {
        var directory = new PartnerDirectory();
        var drawn = directory.Credentials;
        var credential = directory._byKey[drawn.TestKey];
        directory._byKey.Remove(drawn.TestKey);
        directory._byKey[testKey] = credential with { Key = testKey };
        directory._signingSecrets[credential.Partner.Id] = signingSecret;
        directory.CredentialSets = [drawn with { TestKey = testKey, SigningSecret = signingSecret }];
        return directory;
    }

    /// <summary>A new test key of the shape the reference issues (cpk_test_…), for a sandbox to hand out.</summary>
    public static string NewTestKey() => "cpk_test_" + RandomNumberGenerator.GetString(KeyAlphabet, 24);

    /// <summary>A new signing secret of the reference's shape (cpsk_…).</summary>
    public static string NewSigningSecret() => "cpsk_" + RandomNumberGenerator.GetString(KeyAlphabet, 40);

    private void AddVessels(Faker faker, Partner partner, int live, int test)
    {
        for (var i = 0; i < live; i++) _vessels.Add(NewVessel(faker, partner.Id, livemode: true));
        for (var i = 0; i < test; i++) _vessels.Add(NewVessel(faker, partner.Id, livemode: false));
    }

    public IReadOnlyList<Partner> Partners { get; }

    public Credential? Find(string key) => _byKey.GetValueOrDefault(key);

    public IEnumerable<Credential> AllCredentials => _byKey.Values;

    public string? SigningSecretOf(string partnerId) => _signingSecrets.GetValueOrDefault(partnerId);

    public IReadOnlyList<Vessel> VesselsOf(string partnerId, bool livemode)
    {
        lock (_vesselsLock) return _vessels.Where(v => v.PartnerId == partnerId && v.Livemode == livemode).ToArray();
    }

    public IReadOnlyList<Vessel> AllVessels()
    {
        lock (_vesselsLock) return _vessels.ToArray();
    }

    public Vessel Attach(string partnerId, bool livemode, string name, string imoNumber)
    {
        var vessel = new Vessel("ves_" + RandomNumberGenerator.GetHexString(16, lowercase: true), partnerId, name, imoNumber, "GB", livemode);
        lock (_vesselsLock) _vessels.Add(vessel);
        return vessel;
    }

    /// <summary>IMO numbers: six digits and a check digit, the last digit of sum(d_i * (7 - i)).</summary>
    public static string WithImoCheckDigit(string sixDigits)
    {
        var sum = sixDigits.Select((c, i) => (c - '0') * (7 - i)).Sum();
        return sixDigits + (sum % 10);
    }

    private string Issue(Partner partner, KeyMode mode, CredentialKind kind = CredentialKind.ApiKey, bool revoked = false)
    {
        var prefix = (kind == CredentialKind.WidgetKey ? "cppk_" : "cpk_") + (mode == KeyMode.Live ? "live_" : "test_");
        var key = prefix + RandomNumberGenerator.GetString(KeyAlphabet, 24);
        _byKey[key] = new Credential(key, partner, mode, kind, revoked);
        return key;
    }

    private string NewSecret(Partner partner)
    {
        var secret = NewSigningSecret();
        _signingSecrets[partner.Id] = secret;
        return secret;
    }

    private static Vessel NewVessel(Faker f, string partnerId, bool livemode) => new(
        Id: "ves_" + f.Random.Hexadecimal(16, prefix: ""),
        PartnerId: partnerId,
        Name: $"{f.Commerce.ProductAdjective()} {f.Name.FirstName()}",
        ImoNumber: WithImoCheckDigit(f.Random.Int(100000, 999999).ToString()),
        Flag: f.PickRandom(Flags),
        Livemode: livemode);
}
