using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace CrewPass.Conformance.Suites.Infrastructure;

/// <summary>What a check can need to hold alone on its target (<see cref="ClauseAttribute.Alone"/>).</summary>
[Flags]
public enum Holds
{
    Nothing = 0,
    /// <summary>The budget of the partner of LiveKey and TestKey, read request by request.</summary>
    PartnerBudget = 1,
    /// <summary>The budget the exhaustion and counting checks read: RateLimitKey's partner's, or PartnerBudget without one.</summary>
    RateLimitBudget = 2,
    /// <summary>The test key's vessel list, which the write probes may change and other checks compare.</summary>
    TestView = 4,
    /// <summary>The test view of the deployment that serves signed writes: the target itself, or the embedded v2 companion.</summary>
    WriteSurfaceTestView = 8,
}
