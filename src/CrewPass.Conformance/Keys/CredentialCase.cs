using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bogus;
using CrewPass.Conformance.Schemas;

namespace CrewPass.Conformance.Keys;

/// <summary>One invalid credential of the corpus, still a template: the key it names is filled in at run time.</summary>
public sealed record CredentialCase(string Name, string Clause, string Why, string Template, Presentation Presentation)
{
    public string PresentationName => Presentation switch
    {
        Presentation.Bearer => "bearer",
        Presentation.ApiKeyHeader => "x-partner-api-key",
        _ => "authorization",
    };

    /// <summary>The settings the template needs (LiveKey, RevokedKey, …).</summary>
    public IReadOnlyList<string> Needs => CredentialTemplate.SettingsNamed(Template);

    public override string ToString() => $"{Name} via {PresentationName}";
}
