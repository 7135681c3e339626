using System.Text.RegularExpressions;

namespace CrewPass.Conformance.Tests;

/// <summary>One check's outcome as the TRX reports it.</summary>
public sealed record CheckOutcome(string Target, string Name, TrxOutcome Outcome, string Message)
{
    /// <summary>The clause id the check's name starts with (KEY_01_… is KEY-01); PREFLIGHT for the preflight.</summary>
    public string Clause { get; } = Regex.Match(Name, @"^([A-Z]+)_(\d\d)_") is { Success: true } m ? $"{m.Groups[1].Value}-{m.Groups[2].Value}" : "PREFLIGHT";
}
