namespace CrewPass.Reference;

/// <summary>What the reference answers on a read: identity, scope and the caller's data. The defaults are the contract's.</summary>
public sealed record ReadRules
{
    public bool MeNeedsVesselsScope { get; init; }
    public bool TestKeyOwnPartnerId { get; init; }
    public bool ModeSwapped { get; init; }
    public bool ScopeListOmitsVessels { get; init; }
    public bool ScopesAsOneString { get; init; }
    public ScopeCheck ScopeCheck { get; init; } = ScopeCheck.Always;
    public bool RedirectsToCleartext { get; init; }
    public bool ApiKeyHeaderServesTestView { get; init; }
    public bool TestViewAddsOneLive { get; init; }
    public bool TestViewReusesLiveIds { get; init; }
    public bool LeaksOtherPartner { get; init; }
    public bool DropsLivemode { get; init; }
}
