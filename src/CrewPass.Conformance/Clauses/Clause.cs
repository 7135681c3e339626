namespace CrewPass.Conformance.Clauses;

/// <summary>One clause of CONTRACT.md. <see cref="PendingIssue"/> names the issue whose checks will cover it, until they land.</summary>
public sealed record Clause(string Id, string Area, ClauseLevel Level, string Text, string? PendingIssue = null)
{
    public bool Covered => PendingIssue is null;

    /// <summary>CLIENT clauses judge a partner's client in the sandbox; every other clause judges a deployment.</summary>
    public bool JudgesClient => Area == "CLIENT";

    /// <summary>The clause judges a client's writes: a client that only reads gets it as not applicable ("reads only").</summary>
    public bool JudgesWrites { get; init; }

    public string LevelName => Level == ClauseLevel.Must ? "MUST" : "SHOULD";
}
