using System.Text;
using System.Text.Json;
using CrewPass.Conformance.Schemas;

namespace CrewPass.Conformance.Signing;

public sealed record NegativeRequest(string Secret, string Timestamp, string Nonce, string Body, string ServerTime);
