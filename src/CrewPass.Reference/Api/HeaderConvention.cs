using System.Threading.RateLimiting;

namespace CrewPass.Reference;

/// <summary>The three rate-limit header conventions a deployment may use; the page names none.</summary>
public enum HeaderConvention { XRateLimit, IetfDraft, IetfStructured }
