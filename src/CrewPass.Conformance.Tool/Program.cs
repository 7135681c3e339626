using System.CommandLine;
using CrewPass.Conformance.Tool;
using CrewPass.Reference;

// crewpass-conformance: the harness without a clone. Every verb ends with the same exit codes (the report's gate.exitCode).
// The package carries Playwright's driver once, with the suites that drive Chromium; the service's
// certificate PDF finds it there rather than in a second copy beside the tool.
var suites = Path.Combine(AppContext.BaseDirectory, "suites");
if (Environment.GetEnvironmentVariable("PLAYWRIGHT_DRIVER_SEARCH_PATH") is null
    && !Directory.Exists(Path.Combine(AppContext.BaseDirectory, ".playwright"))
    && Directory.Exists(Path.Combine(suites, ".playwright")))
    Environment.SetEnvironmentVariable("PLAYWRIGHT_DRIVER_SEARCH_PATH", suites);
var root = new RootCommand("CrewPass Partner API conformance: check a deployment, run the sandbox, certify a partner's client. " +
                           "Exit codes: 0 conformant, 1 not conformant, 2 cannot test, 3 only transport errors stood between the run and a verdict.");
root.Subcommands.Add(Verbs.Check());
root.Subcommands.Add(SandboxCommand.Create());
root.Subcommands.Add(Verbs.CertifyClient());
root.Subcommands.Add(VerifyVerb.Create());
root.Subcommands.Add(CrewPass.Conformance.Service.ServeCommand.Create());
root.SetAction(_ =>
{
    Console.Error.WriteLine("error: name a verb: check, sandbox, certify-client, verify or serve (see `crewpass-conformance --help`)");
    return ToolExit.CannotTest;
});
return await SandboxCommand.RunAsync(root, args, "crewpass-conformance");
