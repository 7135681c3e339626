using System.Collections.Concurrent;

namespace CrewPass.Reference;

/// <summary>A scenario's memory in this process: the local sandbox's.</summary>
public sealed class ProcessMemory : IScenarioMemory
{
    private readonly ConcurrentDictionary<string, bool> _happened = new(StringComparer.Ordinal);

    public bool FirstTime(string @event) => _happened.TryAdd(@event, true);
}
