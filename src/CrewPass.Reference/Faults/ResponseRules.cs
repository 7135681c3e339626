namespace CrewPass.Reference;

/// <summary>What every answer carries and what sits in front of the resources. The defaults are the contract's.</summary>
public sealed record ResponseRules
{
    public string CacheControl { get; init; } = "no-store";
    public bool EchoesKeyInHeader { get; init; }
    public bool MutatingMethodsServedAsGet { get; init; }
    public bool DeleteServedOnFaultPath { get; init; }
    public bool RequiresAcceptJson { get; init; }
    public bool RejectsSignatureHeadersOnReads { get; init; }
    public Cors Cors { get; init; } = Cors.None;
    public bool ServesWritesWhileDisabled { get; init; }
    public bool VerifiesWritesWhileDisabled { get; init; }
    public bool CreatedWithoutLivemode { get; init; }
}
