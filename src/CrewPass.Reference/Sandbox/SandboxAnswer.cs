namespace CrewPass.Reference;

/// <summary>
/// What the sandbox answered a recorded request: filled in once the answer starts, or marked dropped.
/// </summary>
public sealed class SandboxAnswer
{
    public int? Status { get; set; }
    public DateTimeOffset? At { get; set; }
    public string? RetryAfter { get; set; }
    public bool Dropped { get; set; }
}
