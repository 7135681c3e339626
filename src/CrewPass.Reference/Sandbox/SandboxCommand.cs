using System.CommandLine;

namespace CrewPass.Reference;

/// <summary>
/// The standalone sandbox's command line, parsed by System.CommandLine: `--help` works, and a bad option is one line
/// naming it. The reference's own Main and the tool's `sandbox` verb use the same command.
/// </summary>
public static class SandboxCommand
{
    /// <summary>Exit code of a command line that cannot be used (the same as the tool's "cannot test").</summary>
    public const int BadInput = 2;

    /// <summary>The tool's `sandbox` verb.</summary>
    public static Command Create(string name = "sandbox") =>
        Configure(new Command(name, "Run the CrewPass reference deployment as a local sandbox (or, with --certify-client, the client-certification sandbox)."));

    /// <summary>Gives a command (the reference's root command, or the tool's verb) the sandbox's options and action.</summary>
    public static T Configure<T>(T command) where T : Command
    {
        var port = new Option<int>("--port") { Description = "The port to listen on (127.0.0.1); 0 picks a free one.", DefaultValueFactory = _ => 0, HelpName = "N" };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535) result.AddError("--port must be between 0 and 65535");
        });
        var surface = new Option<string>("--write-surface") { Description = "disabled (this release) or enabled (the v2 preview).", DefaultValueFactory = _ => "disabled", HelpName = "disabled|enabled" };
        surface.AcceptOnlyFromAmong("disabled", "enabled");
        var faults = new Option<string[]>("--fault") { Description = "A fault to switch on (repeatable); see docs/matrices.md's fault table.", HelpName = "NAME", Arity = ArgumentArity.ZeroOrMore };
        faults.AcceptOnlyFromAmong([.. FaultCatalogue.All.Select(f => f.Name)]);
        var choices = new Option<string[]>("--choice") { Description = "A legal choice other than the default (repeatable).", HelpName = "NAME", Arity = ArgumentArity.ZeroOrMore };
        choices.AcceptOnlyFromAmong([.. LegalChoices.All.Select(c => c.Name)]);
        var extraReads = new Option<bool>("--extra-reads") { Description = "Serve two more reads, one object-shaped (fixtures/profiles/extra-reads.json)." };
        var extraEndpoints = new Option<int>("--extra-endpoints") { Description = "Serve N further reads (/api/v2/scale/1…N, lists and objects alternately) and print the profile rows that declare them.", HelpName = "N" };
        extraEndpoints.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 1000) result.AddError("--extra-endpoints must be between 0 and 1000");
        });
        var clockOffset = new Option<int>("--clock-offset") { Description = "Seconds the server's clock runs ahead (negative: behind).", HelpName = "SECONDS" };
        var trouble = new Option<NetworkTrouble?>("--trouble")
        {
            Description = "Network trouble to inject: latency=MS,resets=SHARE,slow=SHARE.",
            HelpName = "SPEC",
            CustomParser = result =>
            {
                try
                {
                    return NetworkTrouble.Parse(result.Tokens.Single().Value);
                }
                catch (Exception e) when (e is FormatException or IndexOutOfRangeException)
                {
                    result.AddError($"--trouble: {e.Message} (expected latency=MS,resets=SHARE,slow=SHARE)");
                    return null;
                }
            },
        };
        var partners = new Option<int>("--partners") { Description = "Partner sets to issue, one per harness user sharing the sandbox (1 to 100).", DefaultValueFactory = _ => 1, HelpName = "N" };
        partners.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 100) result.AddError("--partners must be between 1 and 100");
        });
        var caOut = new Option<string>("--ca-out") { Description = "Where to write the CA certificate to trust (PEM).", DefaultValueFactory = _ => "crewpass-reference-ca.pem", HelpName = "PATH" };
        var certifyClient = new Option<bool>("--certify-client") { Description = "Client certification: serve every CLIENT scenario and record what a partner's client sends (with --record)." };
        var record = new Option<string?>("--record") { Description = "With --certify-client: the folder the recordings go to; judge them with CREWPASS_CLIENT_RECORDING=DIR.", HelpName = "DIR" };

        foreach (var option in new Option[] { port, surface, faults, choices, extraReads, extraEndpoints, clockOffset, trouble, partners, caOut, certifyClient, record })
            command.Options.Add(option);
        if (command.Description is null or "") command.Description = "Run the CrewPass reference deployment as a local sandbox (or, with --certify-client, the client-certification sandbox).";
        command.Validators.Add(result =>
        {
            var (certify, folder) = (result.GetValue(certifyClient), result.GetValue(record));
            if (certify && string.IsNullOrWhiteSpace(folder)) result.AddError("--certify-client needs --record DIR: where the recordings go");
            if (!certify && folder is not null) result.AddError("--record DIR goes with --certify-client");
        });
        command.SetAction(async (parse, cancellation) =>
        {
            var options = new ReferenceOptions
            {
                Port = parse.GetValue(port),
                WriteSurface = parse.GetValue(surface) == "enabled" ? WriteSurface.Enabled : WriteSurface.Disabled,
                Faults = (parse.GetValue(faults) ?? []).Select(n => FaultCatalogue.TryParse(n, out var f) ? f : default).ToHashSet(),
                Choices = (parse.GetValue(choices) ?? []).Select(n => LegalChoices.TryParse(n, out var c) ? c : default).ToHashSet(),
                ExtraReads = parse.GetValue(extraReads),
                ExtraEndpoints = parse.GetValue(extraEndpoints),
                ClockOffset = TimeSpan.FromSeconds(parse.GetValue(clockOffset)),
                Trouble = parse.GetValue(trouble) ?? NetworkTrouble.None,
                PartnerSets = parse.GetValue(partners),
            };
            return parse.GetValue(certifyClient)
                ? await Program.CertifyClientAsync(parse.GetValue(record)!, cancellation)
                : await Program.ServeAsync(options, parse.GetValue(caOut)!, cancellation);
        });
        return command;
    }

    /// <summary>
    /// Parses and runs: `--help` prints the help; a command line with errors prints its first error on one line, with
    /// where to look, and exits 2.
    /// </summary>
    public static Task<int> RunAsync(Command command, string[] args, string helpCommand)
    {
        var parse = command.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line, whatever the parser wrote (a list of allowed values comes on several).
            var message = string.Join(" ", parse.Errors[0].Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            Console.Error.WriteLine($"error: {message} (see `{helpCommand} --help`)");
            return Task.FromResult(BadInput);
        }
        return parse.InvokeAsync();
    }
}
