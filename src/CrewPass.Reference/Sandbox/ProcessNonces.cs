using System.Collections.Concurrent;

namespace CrewPass.Reference;

/// <summary>Nonces in this process's memory: an instance that is the only one serving its partners.</summary>
public sealed class ProcessNonces : INonceStore
{
    private readonly ConcurrentDictionary<string, long> _seen = new(StringComparer.Ordinal);

    public bool TryAdd(string key, long forgetAfter) => _seen.TryAdd(key, forgetAfter);

    public bool Contains(string key) => _seen.ContainsKey(key);

    public void Set(string key, long forgetAfter) => _seen[key] = forgetAfter;

    public void ForgetBefore(long now)
    {
        foreach (var (key, until) in _seen)
            if (until < now) _seen.TryRemove(key, out _);
    }
}
