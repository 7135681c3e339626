using System.Collections.Frozen;
using System.Text.Json;

namespace CrewPass.Conformance.Reporting;

/// <summary>An outcome's name as the report's JSON spells it, for every text a person reads.</summary>
public static class OutcomeNames
{
    private static readonly FrozenDictionary<Outcome, string> Names =
        Enum.GetValues<Outcome>().ToFrozenDictionary(o => o, o => JsonSerializer.Serialize(o).Trim('"'));

    public static string ReportName(this Outcome outcome) => Names[outcome];
}
