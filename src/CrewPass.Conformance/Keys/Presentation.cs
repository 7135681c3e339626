using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bogus;
using CrewPass.Conformance.Schemas;

namespace CrewPass.Conformance.Keys;

/// <summary>How a credential is put on a request.</summary>
public enum Presentation { Bearer, ApiKeyHeader, RawAuthorization }
