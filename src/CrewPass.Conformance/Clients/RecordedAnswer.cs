using System.Globalization;
using System.Text;
using System.Text.Json;
using CrewPass.Conformance.Evidence;
using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Settings;

namespace CrewPass.Conformance.Clients;

/// <summary>What the sandbox answered, or that it dropped the connection before answering.</summary>
public sealed record RecordedAnswer(int? Status, DateTimeOffset? At, string? RetryAfter, bool Dropped);
