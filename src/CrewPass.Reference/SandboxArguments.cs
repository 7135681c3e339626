namespace CrewPass.Reference;

/// <summary>Command-line options of the standalone sandbox.</summary>
public sealed record SandboxArguments(ReferenceOptions Options, string CaCertificatePath, string? RecordTo = null)
{
    /// <summary>--certify-client: serve every client scenario and record what a partner's client sends, into RecordTo.</summary>
    public bool CertifiesClient => RecordTo is not null;

    public const string Usage =
        "usage: dotnet run --project src/CrewPass.Reference -- [--port N] [--write-surface disabled|enabled] [--fault NAME]... [--choice NAME]... [--extra-reads] [--clock-offset SECONDS] [--trouble latency=MS,resets=SHARE,slow=SHARE] [--partners N] [--ca-out PATH]\n" +
        "       dotnet run --project src/CrewPass.Reference -- --certify-client --record DIR   (serves each client scenario, records into DIR until stopped)";

    public static bool TryParse(string[] args, out SandboxArguments result, out string error)
    {
        var options = new ReferenceOptions();
        var faults = new HashSet<Fault>();
        var choices = new HashSet<LegalChoice>();
        var caPath = "crewpass-reference-ca.pem";
        var (certifyClient, recordTo) = (false, (string?)null);
        result = new SandboxArguments(options, caPath);
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port" when int.TryParse(value, out var port) && port is >= 0 and <= 65535:
                    options = options with { Port = port }; i++; break;
                case "--write-surface" when Enum.TryParse<WriteSurface>(value, ignoreCase: true, out var surface):
                    options = options with { WriteSurface = surface }; i++; break;
                case "--fault" when value is not null && FaultCatalogue.TryParse(value, out var fault):
                    faults.Add(fault); i++; break;
                case "--choice" when value is not null && LegalChoices.TryParse(value, out var choice):
                    choices.Add(choice); i++; break;
                case "--extra-reads":
                    options = options with { ExtraReads = true }; break;
                case "--clock-offset" when int.TryParse(value, out var seconds):
                    options = options with { ClockOffset = TimeSpan.FromSeconds(seconds) }; i++; break;
                case "--trouble" when value is not null:
                    try
                    {
                        options = options with { Trouble = NetworkTrouble.Parse(value) };
                    }
                    catch (FormatException e)
                    {
                        error = $"bad value '{value}' for --trouble: {e.Message}";
                        return false;
                    }
                    i++;
                    break;
                case "--partners" when int.TryParse(value, out var sets) && sets is >= 1 and <= 100:
                    options = options with { PartnerSets = sets }; i++; break;
                case "--certify-client":
                    certifyClient = true; break;
                case "--record" when !string.IsNullOrWhiteSpace(value):
                    recordTo = value; i++; break;
                case "--ca-out" when !string.IsNullOrWhiteSpace(value):
                    caPath = value; i++; break;
                default:
                    error = value is null || args[i].StartsWith("--", StringComparison.Ordinal) is false
                        ? $"unknown argument '{args[i]}'"
                        : $"bad value '{value}' for {args[i]}" + (args[i] == "--fault" ? $" (faults: {string.Join(", ", FaultCatalogue.All.Select(f => f.Name))})" : "")
                        + (args[i] == "--choice" ? $" (legal choices: {string.Join(", ", LegalChoices.All.Select(c => c.Name))})" : "");
                    return false;
            }
        }
        if (certifyClient != recordTo is not null)
        {
            error = certifyClient ? "--certify-client needs --record DIR: where the recordings go" : "--record DIR goes with --certify-client";
            return false;
        }
        result = new SandboxArguments(options with { Faults = faults, Choices = choices }, caPath, recordTo);
        return true;
    }
}
