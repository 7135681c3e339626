namespace CrewPass.Conformance.Reporting;

/// <summary>What a report entry judged: a deployment of the API, or a partner's client in the sandbox.</summary>
public static class TargetKinds
{
    public const string Deployment = "deployment";
    public const string Client = "client";
}
