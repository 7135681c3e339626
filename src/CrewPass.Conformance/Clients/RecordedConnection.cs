using System.Globalization;
using System.Text;
using System.Text.Json;
using CrewPass.Conformance.Evidence;
using CrewPass.Conformance.Reporting;
using CrewPass.Conformance.Settings;

namespace CrewPass.Conformance.Clients;

/// <summary>A connection the sandbox accepted, before TLS: a client that refused the certificate still left one.</summary>
public sealed record RecordedConnection(string Id, DateTimeOffset OpenedAt);
