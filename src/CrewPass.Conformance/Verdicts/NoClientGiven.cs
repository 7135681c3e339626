using CrewPass.Conformance.Reporting;

namespace CrewPass.Conformance.Verdicts;

/// <summary>
/// The run names no client (a deployment, and neither ClientCommand nor ClientRecording): the CLIENT checks skip naming
/// both. Never a failure, strict or not: Strict judges the subjects a run has, and this run judges no client.
/// </summary>
public sealed class NoClientGiven()
    : CheckEnded("needs ClientCommand (CREWPASS_CLIENT_COMMAND) or ClientRecording (CREWPASS_CLIENT_RECORDING): the CLIENT checks judge a partner's client in the sandbox; set the client's shell command, or the folder a `--certify-client --record DIR` sandbox recorded it into", Outcome.Skipped);
