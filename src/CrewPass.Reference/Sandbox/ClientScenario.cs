namespace CrewPass.Reference;

/// <summary>What the sandbox plays to a partner's client in client-certification mode (CONTRACT.md, section CLIENT).</summary>
public enum ClientScenario { Plain, ExtraFields, RateLimited, RateLimitedDate, RefusedKey, UntrustedCertificate, WriteDropped }
