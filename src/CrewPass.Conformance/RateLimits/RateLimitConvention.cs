namespace CrewPass.Conformance.RateLimits;

/// <summary>The rate-limit header conventions the harness reads (RateLimitHeaders); Auto detects which one a response uses.</summary>
public enum RateLimitConvention { Auto, XRateLimit, IetfDraft, IetfStructured }
