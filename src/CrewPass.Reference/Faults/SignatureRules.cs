namespace CrewPass.Reference;

/// <summary>
/// How the reference verifies a v2 request signature. The defaults are the page's scheme; a fault changes one rule at
/// composition (<see cref="FaultBehaviours"/>), and the verifier reads only these.
/// </summary>
public sealed record SignatureRules
{
    public bool RequireTimestamp { get; init; } = true;
    public bool RequireNonce { get; init; } = true;

    /// <summary>A request without X-CrewPass-Signature skips verification altogether.</summary>
    public bool UnsignedPassesThrough { get; init; }

    /// <summary>Header names matched in any letter case (RFC 9110), or only in the page's spelling and in lower case.</summary>
    public bool HeaderNamesInAnyCase { get; init; } = true;

    public TimestampForm Timestamps { get; init; } = TimestampForm.UnixSeconds;

    /// <summary>"Must be within ±300s of server time."</summary>
    public int WindowSeconds { get; init; } = 300;

    public bool FutureBounded { get; init; } = true;
    public DigestForm Digest { get; init; } = DigestForm.V1With64Hex;

    /// <summary>Whether the HMAC is compared at all.</summary>
    public bool CompareValue { get; init; } = true;

    public bool AnyPartnersSecret { get; init; }
    public SignedMessage Message { get; init; } = SignedMessage.TimestampNonceBody;

    /// <summary>The body is hashed as sent (the page's rule), or after re-serialising its JSON.</summary>
    public bool ReserializeBody { get; init; }

    /// <summary>What a nonce is remembered under, besides the partner and the nonce itself.</summary>
    public NonceKey NonceKey { get; init; } = NonceKey.NonceOnly;

    /// <summary>Seconds a nonce is remembered past its timestamp; null: past the acceptance window, as the page needs.</summary>
    public int? ForgetNoncesAfter { get; init; }

    public bool AtomicNonceStore { get; init; } = true;

    /// <summary>A byte-identical replay is served again as an idempotent retry.</summary>
    public bool ServesIdenticalReplay { get; init; }
}
