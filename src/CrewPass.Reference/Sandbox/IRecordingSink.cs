namespace CrewPass.Reference;

/// <summary>
/// Where a client-certification sandbox keeps what it witnessed: a folder's recording.json for the local sandbox, the
/// certification service's database for a hosted session. Each call is made as the event happens, so a process that
/// dies loses nothing it already answered.
/// </summary>
public interface IRecordingSink
{
    void Connected(SandboxConnection connection);

    void Arrived(SandboxExchange exchange);

    void Answered(SandboxExchange exchange);
}
