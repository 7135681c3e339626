namespace CrewPass.Conformance.Http;

/// <summary>A request that got no HTTP answer. It is not a conformance verdict.</summary>
public sealed class TransportException(TransportFailure failure, string request, string message, Exception? inner = null)
    : Exception($"transport error ({failure.ToString().ToLowerInvariant()}) on {request}: {message}", inner)
{
    public TransportFailure Failure { get; } = failure;
}
