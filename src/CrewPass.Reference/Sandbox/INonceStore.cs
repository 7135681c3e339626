namespace CrewPass.Reference;

/// <summary>
/// Where the signature verifier remembers nonces: this process's memory for an instance of its own, the certification
/// service's database for a hosted session that several instances serve.
/// </summary>
public interface INonceStore
{
    /// <summary>Remembers the nonce until the second given, atomically; false when it was remembered already.</summary>
    bool TryAdd(string key, long forgetAfter);

    bool Contains(string key);

    /// <summary>Remembers it without asking first (a fault's racy store does).</summary>
    void Set(string key, long forgetAfter);

    /// <summary>Forgets every nonce remembered until before that second.</summary>
    void ForgetBefore(long now);
}
